using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Branding;

/// <summary>An agency's theme: which built-in theme it starts from, its settings values, and a version bumped on every save.</summary>
public sealed class AgencyTheme
{
    public const string DefaultBase = "aurora";

    private AgencyTheme()
    {
    }

    public AgencyId AgencyId { get; private set; }

    public string BaseTheme { get; private set; } = DefaultBase;

    public string SettingsJson { get; private set; } = "{}";

    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The last error a storefront render hit, shown in the theme editor until the next save.</summary>
    public string? LastRenderError { get; private set; }

    public DateTimeOffset? LastRenderErrorAt { get; private set; }

    public static AgencyTheme Create(AgencyId agencyId, DateTimeOffset now) => new() { AgencyId = agencyId, Version = 1, UpdatedAt = now };

    internal void Bump(string? baseTheme, string? settingsJson, DateTimeOffset now)
    {
        BaseTheme = baseTheme ?? BaseTheme;
        SettingsJson = settingsJson ?? SettingsJson;
        Version++;
        UpdatedAt = now;
        LastRenderError = null;
        LastRenderErrorAt = null;
    }
}
