namespace ResellerKit.Engine.Branding;

/// <summary>An agency's theme as stored: what the theme engine needs to build its <c>ThemeSource</c>.</summary>
public sealed record ThemeState(string BaseTheme, string SettingsJson, IReadOnlyDictionary<string, string> Files, int Version);
