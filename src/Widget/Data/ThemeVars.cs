namespace ResellerKit.Widget.Data;

/// <summary>
/// The agency's theme as CSS custom properties. The host only passes values it has checked (hex colours, known font
/// stacks, a number), so they are safe to write into a style element.
/// </summary>
public sealed record ThemeVars(
    string Accent, string AccentText, string Surface, string Text, int RadiusPx, string BodyFont, string HeadingFont)
{
    public static ThemeVars Default { get; } = new("#4338ca", "#ffffff", "#ffffff", "#1f2937", 12,
        "system-ui, sans-serif", "system-ui, sans-serif");
}
