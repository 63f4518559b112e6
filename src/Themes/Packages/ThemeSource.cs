using System.Text.Json.Nodes;
using ResellerKit.Themes.Settings;

namespace ResellerKit.Themes.Packages;

/// <summary>
/// One agency's theme: a base theme's files, the agency's file overrides on top (deleting an override falls back to
/// the base file), the agency's settings values, and a version the host bumps on every save.
/// </summary>
public sealed class ThemeSource
{
    private readonly IReadOnlyDictionary<string, string> baseFiles;
    private readonly IReadOnlyDictionary<string, string> overrides;

    private ThemeSource(
        string agencyId, string baseTheme, IReadOnlyDictionary<string, string> baseFiles, IReadOnlyDictionary<string, string> overrides, JsonObject settings, int version,
        string? brandColor = null)
    {
        BrandColor = brandColor;
        AgencyId = agencyId;
        BaseTheme = baseTheme;
        this.baseFiles = baseFiles;
        this.overrides = overrides.ToDictionary(f => ThemePaths.Normalize(f.Key), f => f.Value, StringComparer.Ordinal);
        Settings = settings;
        Version = version;
    }

    /// <summary>Whose theme this is; cache entries and <c>Evict</c> are keyed by it.</summary>
    public string AgencyId { get; }

    /// <summary>The built-in theme the overrides apply to, or empty for a theme read from a folder.</summary>
    public string BaseTheme { get; }

    /// <summary>The agency's settings values (validated against the schema on save); missing values take the schema's defaults.</summary>
    public JsonObject Settings { get; }

    /// <summary>The agency's primary colour (#rrggbb), the default of the theme's accent; null when the agency has none.</summary>
    public string? BrandColor { get; }

    /// <summary>Bumped by the host on every save; part of asset URLs (<c>?v=</c>) and of cache keys.</summary>
    public int Version { get; }

    /// <summary>Every path of the theme: base files and overrides.</summary>
    public IReadOnlyCollection<string> Paths => baseFiles.Keys.Union(overrides.Keys).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<string> OverriddenPaths => overrides.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>True when a render may run a file the agency wrote; built-in files alone are ResellerKit's own code.</summary>
    public bool HasAgencyFiles => overrides.Count > 0;

    /// <summary>All files' characters together, for the theme size limit.</summary>
    public long TotalChars => Paths.Sum(p => (long)(ReadFile(p)?.Length ?? 0));

    /// <summary>A built-in theme with an agency's overrides and settings.</summary>
    /// <exception cref="ArgumentException">The base theme is not built in (a bug of the caller).</exception>
    public static ThemeSource Create(
        string agencyId, string baseTheme, IReadOnlyDictionary<string, string>? overrides = null, JsonObject? settings = null, int version = 1,
        string? brandColor = null)
    {
        var files = BuiltInThemes.Files(baseTheme) is { } found && BuiltInThemes.Names.Contains(baseTheme)
            ? found
            : throw new ArgumentException($"'{baseTheme}' is not a built-in theme: {string.Join(", ", BuiltInThemes.Names)}.", nameof(baseTheme));
        return new ThemeSource(agencyId, baseTheme, files, overrides ?? new Dictionary<string, string>(), settings ?? [], version, brandColor);
    }

    /// <summary>A theme made of the given files only, with no base theme.</summary>
    public static ThemeSource FromFiles(string agencyId, IReadOnlyDictionary<string, string> files, JsonObject? settings = null, int version = 1) =>
        new(agencyId, "", new Dictionary<string, string>(), files, settings ?? [], version);

    /// <summary>A theme developed on disk (for <c>theme lint &lt;folder&gt;</c>); settings come from <c>config/settings_data.json</c> when present.</summary>
    public static ThemeSource FromFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(file => ThemePaths.Normalize(Path.GetRelativePath(root, file)), File.ReadAllText, StringComparer.Ordinal);
        var settings = files.TryGetValue(ThemePaths.SettingsData, out var data) ? JsonNode.Parse(data) as JsonObject : null;
        return FromFiles("folder:" + root, files, settings, version: 0);
    }

    /// <summary>
    /// The email templates an agency's emails use: the built-in ones, with the agency theme's <c>email/*</c> files on
    /// top. Cached apart from the storefront theme (its own key) and evicted with it.
    /// </summary>
    internal static ThemeSource ForEmail(ThemeSource? agencyTheme)
    {
        var overrides = (agencyTheme?.OverriddenPaths ?? [])
            .Where(p => p.StartsWith("email/", StringComparison.Ordinal))
            .ToDictionary(p => p, p => agencyTheme!.ReadFile(p)!, StringComparer.Ordinal);
        return new ThemeSource(
            EmailKeyPrefix + (agencyTheme?.AgencyId ?? BuiltInThemes.Email),
            BuiltInThemes.Email,
            BuiltInThemes.Files(BuiltInThemes.Email)!,
            overrides,
            [],
            agencyTheme?.Version ?? 0);
    }

    internal const string EmailKeyPrefix = "email:";

    /// <summary>The values templates see as <c>settings</c>: the saved values on the schema's defaults, the brand colour as the accent's default.</summary>
    public IReadOnlyDictionary<string, object?> ResolveSettings(SettingsSchema schema) => schema.Resolve(Settings, BrandColor);

    /// <summary>The theme's settings schema, parsed (uncached: for callers outside a render).</summary>
    public SettingsSchema Schema() => SettingsSchema.Parse(ReadFile(ThemePaths.SettingsSchema) ?? "[]");

    /// <summary>The file's content: the agency's override, else the base theme's file, else null.</summary>
    public string? ReadFile(string path)
    {
        var normalized = ThemePaths.Normalize(path);
        return overrides.TryGetValue(normalized, out var own) ? own : baseFiles.GetValueOrDefault(normalized);
    }

    /// <summary>
    /// The base theme's own file where the agency overrides it, else null: a locale the agency copied before the base
    /// gained new keys still finds them there.
    /// </summary>
    public string? BaseFileUnderOverride(string path)
    {
        var normalized = ThemePaths.Normalize(path);
        return overrides.ContainsKey(normalized) ? baseFiles.GetValueOrDefault(normalized) : null;
    }

    /// <summary>
    /// The fingerprint of a file of <c>assets/</c> (the first 16 hex digits of its SHA-256), or null when there is no
    /// such file: asset URLs carry it, so a URL always means the same bytes and may be cached for good.
    /// </summary>
    public string? AssetFingerprint(string assetPath) =>
        ReadFile("assets/" + assetPath) is { } content
            ? fingerprints.GetOrAdd(assetPath, _ => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)))[..16])
            : null;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> fingerprints = new(StringComparer.Ordinal);

    /// <summary>The same theme with one more override (or a replaced one) and the next version.</summary>
    public ThemeSource WithFile(string path, string content)
    {
        var files = new Dictionary<string, string>(overrides, StringComparer.Ordinal) { [ThemePaths.Normalize(path)] = content };
        return new ThemeSource(AgencyId, BaseTheme, baseFiles, files, Settings, Version + 1, BrandColor);
    }

    /// <summary>The same theme without an override, so the base file shows again, and the next version.</summary>
    public ThemeSource WithoutFile(string path)
    {
        var files = overrides.Where(f => f.Key != ThemePaths.Normalize(path)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return new ThemeSource(AgencyId, BaseTheme, baseFiles, files, Settings, Version + 1, BrandColor);
    }
}
