namespace ResellerKit.Themes.Settings;

/// <summary>
/// The fonts a <c>font</c> setting offers, each a system font stack (no webfont download, nothing to license). The
/// stacks use no quotes, so they stay valid CSS after HTML escaping inside a &lt;style&gt; element.
/// </summary>
public static class FontStacks
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["system-sans"] = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif",
        ["humanist"] = "Seravek, Gill Sans Nova, Ubuntu, Calibri, DejaVu Sans, source-sans-pro, sans-serif",
        ["geometric"] = "Avenir, Montserrat, Corbel, URW Gothic, source-sans-pro, sans-serif",
        ["serif"] = "Charter, Bitstream Charter, Sitka Text, Cambria, Georgia, serif",
        ["old-style"] = "Iowan Old Style, Palatino Linotype, URW Palladio L, P052, Georgia, serif",
        ["mono"] = "ui-monospace, Cascadia Code, Source Code Pro, Menlo, Consolas, DejaVu Sans Mono, monospace",
    };
}
