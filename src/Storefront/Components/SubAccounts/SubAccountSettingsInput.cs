using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Storefront.Components.SubAccounts;

/// <summary>The sub-account settings form (posted as <c>Settings.*</c>): name, credit mode, monthly cap, paused.</summary>
public sealed class SubAccountSettingsInput
{
    public string? Name { get; set; }
    public CreditMode Mode { get; set; }
    public long? Cap { get; set; }
    public bool Paused { get; set; }
}
