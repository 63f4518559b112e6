namespace ResellerKit.Storefront.Components.SubAccounts;

/// <summary>The give-credits form (posted as <c>GrantInput.*</c>).</summary>
public sealed class GrantCreditsInput
{
    public long Credits { get; set; }
    public string? Reason { get; set; }
}
