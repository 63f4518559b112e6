using System.Text.Json;

namespace ResellerKit.Engine.Branding;

/// <summary>A whole theme (base, settings, overrides) as the JSON a <see cref="ThemeRevision"/> keeps.</summary>
internal static class ThemeSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(ThemeState state) =>
        JsonSerializer.Serialize(new Snapshot(state.BaseTheme, state.SettingsJson, state.Files), Json);

    public static ThemeState Read(string json, int version = 0)
    {
        var snapshot = JsonSerializer.Deserialize<Snapshot>(json, Json)!;
        return new ThemeState(snapshot.BaseTheme, snapshot.Settings, snapshot.Files, version);
    }

    private sealed record Snapshot(string BaseTheme, string Settings, IReadOnlyDictionary<string, string> Files);
}
