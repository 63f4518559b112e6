namespace ResellerKit.Storefront.Components.SubAccounts;

/// <summary>The plan form (posted as <c>PlanInput.*</c>): the plan, and each feature's override ("on", "off" or none).</summary>
public sealed class PlanChoiceInput
{
    public string? PlanId { get; set; }
    public Dictionary<string, string> Overrides { get; set; } = [];
}
