namespace ResellerKit.Engine.Plans;

/// <summary>
/// The one rule for what a sub-account may use: its plan's features (all, without a plan), plus the ones switched on
/// for it, minus the ones switched off for it, and never more than the platform grants its agency.
/// </summary>
public static class FeatureSet
{
    public static Features Effective(Features platformGrant, Features? plan, Features on, Features off) =>
        ((plan ?? Features.All) | on) & ~off & platformGrant;

    public static IReadOnlyList<Features> Each { get; } =
        [Features.Reselling, Features.Widget, Features.Campaigns, Features.ApiAccess, Features.Reports];

    public static string Label(Features feature) => feature switch
    {
        Features.ApiAccess => "API access",
        _ => feature.ToString(),
    };
}
