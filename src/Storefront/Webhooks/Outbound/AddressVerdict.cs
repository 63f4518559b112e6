using System.Net;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// The outcome of <see cref="AddressPolicy.Check"/>. <see cref="EmbeddedIPv4"/> is set when an IPv6 address carries an
/// IPv4 address (mapped, compatible, NAT64, 6to4) and that embedded address was what got classified.
/// </summary>
public readonly record struct AddressVerdict(IPAddress Address, AddressClass Class, bool IsAllowed, IPAddress? EmbeddedIPv4 = null)
{
    /// <summary>For people: "a private network address (10.0.0.5)".</summary>
    public string Description => EmbeddedIPv4 is null
        ? $"{Describe(Class)} ({Address})"
        : $"{Describe(Class)} ({EmbeddedIPv4}, written as {Address})";

    public static string Describe(AddressClass kind) => kind switch
    {
        AddressClass.Public => "a public address",
        AddressClass.Loopback => "a loopback address",
        AddressClass.Private => "a private network address",
        AddressClass.LinkLocal => "a link-local address",
        AddressClass.SharedAddressSpace => "a carrier-grade NAT address",
        AddressClass.Multicast => "a multicast address",
        AddressClass.Unspecified => "the unspecified address",
        AddressClass.Broadcast => "the broadcast address",
        AddressClass.ThisNetwork => "a \"this network\" address",
        AddressClass.Benchmarking => "a benchmarking address",
        AddressClass.Documentation => "a documentation-only address",
        AddressClass.UniqueLocal => "a unique local (private) IPv6 address",
        AddressClass.SiteLocal => "a site-local IPv6 address",
        AddressClass.Teredo => "a Teredo tunnel address",
        _ => "a reserved address",
    };
}
