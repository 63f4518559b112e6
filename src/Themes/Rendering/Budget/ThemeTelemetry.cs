using System.Diagnostics.Metrics;

namespace ResellerKit.Themes.Rendering.Budget;

/// <summary>
/// <c>resellerkit.theme.render_limits{limit}</c>: renders stopped by a budget, so an operator sees a theme that keeps
/// hitting one (and which). Broken templates are the agency's to fix and are not counted.
/// </summary>
public static class ThemeTelemetry
{
    public const string Name = "ResellerKit.Themes";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> RenderLimits = Meter.CreateCounter<long>(
        "resellerkit.theme.render_limits", "{render}", "Theme renders stopped by a budget, by limit.");

    internal static void CountLimit(Exception failure)
    {
        var limit = failure switch
        {
            ThemeRenderException { Limit: { } named } => named,
            // Fluid reports its step budget and its recursion budget with this one message (see RenderFailures).
            InvalidOperationException e when e.Message.Contains("maximum level of recursion", StringComparison.Ordinal) => "steps",
            _ => null,
        };
        if (limit is not null)
        {
            RenderLimits.Add(1, new KeyValuePair<string, object?>("limit", limit));
        }
    }
}
