namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>What kind of address an outbound connection would reach. Only <see cref="Public"/> is allowed.</summary>
public enum AddressClass
{
    Public,
    Loopback,
    Private,
    LinkLocal,
    SharedAddressSpace,
    Multicast,
    Unspecified,
    Broadcast,
    ThisNetwork,
    Benchmarking,
    Documentation,
    Reserved,
    UniqueLocal,
    SiteLocal,
    Teredo,
}
