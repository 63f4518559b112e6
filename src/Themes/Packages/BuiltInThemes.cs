using System.Collections.Frozen;

namespace ResellerKit.Themes.Packages;

/// <summary>The themes and email templates embedded in this assembly under <c>BuiltIn/&lt;name&gt;/</c>.</summary>
public static class BuiltInThemes
{
    public const string Aurora = "aurora";
    public const string Slate = "slate";

    /// <summary>The package of built-in email templates (<c>email/*.liquid</c> and their <c>locales/</c>).</summary>
    internal const string Email = "email";

    private static readonly FrozenDictionary<string, IReadOnlyDictionary<string, string>> Packages = Load();

    /// <summary>The storefront themes an agency can start from.</summary>
    public static IReadOnlyList<string> Names { get; } = [Aurora, Slate];

    /// <summary>The files of a built-in package by path (<c>layout/theme.liquid</c>…), or null for an unknown name.</summary>
    public static IReadOnlyDictionary<string, string>? Files(string name) => Packages.GetValueOrDefault(name);

    private static FrozenDictionary<string, IReadOnlyDictionary<string, string>> Load()
    {
        var assembly = typeof(BuiltInThemes).Assembly;
        const string prefix = "BuiltIn/";
        return assembly.GetManifestResourceNames()
            .Select(resource => resource.Replace('\\', '/'))
            .Where(resource => resource.StartsWith(prefix, StringComparison.Ordinal))
            .Select(resource => (Resource: resource, Parts: resource[prefix.Length..].Split('/', 2)))
            .GroupBy(r => r.Parts[0])
            .ToFrozenDictionary(
                package => package.Key,
                package => (IReadOnlyDictionary<string, string>)package.ToFrozenDictionary(
                    r => PackagePath(package.Key, r.Parts[1]),
                    r => Read(assembly, r.Resource)));
    }

    /// <summary>Email templates sit flat in BuiltIn/email/ but live in email/ inside a package, as an agency's overrides do.</summary>
    private static string PackagePath(string package, string path) =>
        package == Email && !path.Contains('/') ? "email/" + path : path;

    private static string Read(System.Reflection.Assembly assembly, string resource)
    {
        var name = assembly.GetManifestResourceNames().First(n => n.Replace('\\', '/') == resource);
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
