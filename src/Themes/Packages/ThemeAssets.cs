namespace ResellerKit.Themes.Packages;

/// <summary>
/// The only kinds of file a theme's <c>assets/</c> may hold, and the content type each is served with. No HTML or XML
/// that a browser would render as a page: a storefront origin serves pages only from templates. SVG is served with a
/// sandboxing policy, so that opened on its own it runs nothing.
/// </summary>
public static class ThemeAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    };

    /// <summary>The policy an SVG asset is served with: no scripts, no requests, a sandbox of its own.</summary>
    public const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    public static IReadOnlyCollection<string> Extensions => Types.Keys;

    /// <summary>The content type of an asset path, or null when that kind of file is not allowed.</summary>
    public static string? ContentType(string path) => Types.GetValueOrDefault(Path.GetExtension(path));
}
