using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Storefront.Branding;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Settings;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>The agency's theme settings (colours, corner radius, fonts) as the widget's CSS custom properties.</summary>
public sealed partial class WidgetThemes(ThemeStore themes)
{
    public async Task<ThemeVars> ForAsync(Agency agency, string? accentOverride, CancellationToken ct)
    {
        var theme = BrandViews.Theme(agency, await themes.GetAsync(agency.Id, ct));
        var schema = theme.Schema();
        var settings = theme.ResolveSettings(schema);
        var d = ThemeVars.Default;
        var text = Color(settings, "text_color") ?? d.Text;
        // The page's accent attribute wins over the theme's; its text is picked by contrast unless the theme saved one.
        var accent = IsHexColor(accentOverride) ? accentOverride : Color(settings, ThemeAccent.AccentId) ?? d.Accent;
        var accentText = IsHexColor(accentOverride) && !schema.IsSaved(theme.Settings, ThemeAccent.AccentTextId)
            ? ThemeAccent.TextOn(accentOverride)
            : Color(settings, ThemeAccent.AccentTextId) ?? d.AccentText;
        return new ThemeVars(
            accent,
            accentText,
            Color(settings, "surface_color") ?? d.Surface,
            text,
            settings.GetValueOrDefault("corner_radius") is { } radius ? (int)Convert.ToDouble(radius, CultureInfo.InvariantCulture) : d.RadiusPx,
            Font(settings, "body_font") ?? d.BodyFont,
            Font(settings, "heading_font") ?? d.HeadingFont);
    }

    /// <summary>Whether <paramref name="value"/> is a colour the widget accepts: <c>#abc</c> or <c>#aabbcc</c>.</summary>
    public static bool IsHexColor([NotNullWhen(true)] string? value) => value is not null && HexColor().IsMatch(value);

    private static string? Color(IReadOnlyDictionary<string, object?> settings, string id) =>
        settings.GetValueOrDefault(id) is string value && IsHexColor(value) ? value : null;

    private static string? Font(IReadOnlyDictionary<string, object?> settings, string id) =>
        settings.GetValueOrDefault(id) is string stack && FontStacks.All.Values.Contains(stack) ? stack : null;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();
}
