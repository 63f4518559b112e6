using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ResellerKit.Themes.Rendering;

/// <summary>The theme engine's meter: how often each budget stops a theme (<c>resellerkit_theme_render_limits_total{limit}</c>).</summary>
public static class ThemeMetrics
{
    public const string MeterName = "ResellerKit.Themes";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> LimitsHit = Meter.CreateCounter<long>(
        "resellerkit.theme.render_limits", "{render}", "Theme renders stopped by a budget, by the budget that tripped.");

    internal static RenderResult Count(RenderResult result)
    {
        if (result.Error?.Limit is { } limit)
        {
            LimitsHit.Add(1, new TagList { { "limit", LimitName(limit) } });
        }

        return result;
    }

    internal static string LimitName(ThemeLimit limit) => limit switch
    {
        ThemeLimit.FileSize => "file_size",
        ThemeLimit.ThemeSize => "theme_size",
        ThemeLimit.ParserDepth => "parser_depth",
        _ => limit.ToString().ToLowerInvariant(),
    };
}
