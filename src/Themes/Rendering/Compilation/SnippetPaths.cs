using System.Text.RegularExpressions;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>How <c>render 'name'</c> maps to a file: a bare name inside <c>snippets/</c>, nothing else.</summary>
public static partial class SnippetPaths
{
    public const string Folder = "snippets/";
    public const string Extension = ".liquid";

    /// <summary>The snippet's path for a name such as <c>pack-card</c> or <c>pack-card.liquid</c>; null for anything else (folders, <c>..</c>, absolute paths).</summary>
    public static string? PathOf(string name)
    {
        var bare = name.EndsWith(Extension, StringComparison.Ordinal) ? name[..^Extension.Length] : name;
        return SnippetName().IsMatch(bare) ? Folder + bare + Extension : null;
    }

    public static string NameOf(string path) => Path.GetFileNameWithoutExtension(path);

    /// <summary>What the linter and the renderer say of a name that is not a snippet's, such as <c>../layout/theme</c>.</summary>
    public static string NotASnippet(string tag, string name) =>
        $"{tag} '{name}': a snippet is a bare name such as 'pack-card' (letters, digits, - and _), read from snippets/.";

    /// <summary>What the linter and the renderer say of a snippet name the theme has no file for.</summary>
    public static string NoSuchSnippet(string tag, string name, string path) => $"{tag} '{name}': there is no {path} in this theme.";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex SnippetName();
}
