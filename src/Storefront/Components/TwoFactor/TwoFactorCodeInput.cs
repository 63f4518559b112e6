namespace ResellerKit.Storefront.Components.TwoFactor;

/// <summary>A code typed into one of the two-step sign-in forms (posted as <c>Enable.Value</c>, <c>Renew.Value</c> or <c>Disable.Value</c>).</summary>
public sealed class TwoFactorCodeInput
{
    public string Value { get; set; } = "";
}
