using System.Text.RegularExpressions;

namespace ResellerKit.Themes.Packages;

/// <summary>The layout of a theme package, as in Shopify: layout/, templates/, snippets/, assets/, config/, locales/, email/.</summary>
public static partial class ThemePaths
{
    public const string Layout = "layout/theme.liquid";
    public const string SettingsSchema = "config/settings_schema.json";
    public const string SettingsData = "config/settings_data.json";
    public const string DefaultLocale = "en";

    /// <summary>The pages the storefront renders; a theme must have each.</summary>
    public static readonly IReadOnlyList<string> RequiredTemplates =
    [
        "templates/index.liquid",
        "templates/account.liquid",
        "templates/checkout-return.liquid",
        "templates/sign-in.liquid",
        "templates/404.liquid",
    ];

    public static string Template(string name) => $"templates/{name}.liquid";

    public static string Locale(string locale) => $"locales/{locale}.json";

    /// <summary>Null when <paramref name="path"/> may be saved in a theme; otherwise why not.</summary>
    public static string? Problem(string path) =>
        !ValidPath().IsMatch(path) || path.Contains("..", StringComparison.Ordinal)
            ? "A theme file lives directly in layout/, templates/, snippets/, assets/, config/, locales/ or email/ and is named with letters, digits, '.', '_' or '-'."
            : path.StartsWith("assets/", StringComparison.Ordinal) && ThemeAssets.ContentType(path) is null
                ? $"An asset is one of: {string.Join(", ", ThemeAssets.Extensions)}. Pages come from templates/, never from assets/."
                : null;

    /// <summary>Forward slashes, no leading slash: the form every theme path is kept in.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');

    [GeneratedRegex("^(layout|templates|snippets|assets|config|locales|email)/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ValidPath();
}
