using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResellerKit.Themes.Settings;

/// <summary>A theme's settings: what an agency may set, how a value is checked, and the values a template sees.</summary>
public sealed class SettingsSchema
{
    private SettingsSchema(IReadOnlyList<SettingDefinition> settings, IReadOnlyList<string> errors)
    {
        Settings = settings;
        Errors = errors;
    }

    public static SettingsSchema Empty { get; } = new([], []);

    public IReadOnlyList<SettingDefinition> Settings { get; }

    /// <summary>What is wrong with the schema file itself; empty for a good schema.</summary>
    public IReadOnlyList<string> Errors { get; }

    public static SettingsSchema Parse(string json)
    {
        var (settings, errors) = SettingsSchemaReader.Read(json);
        return new SettingsSchema(settings, errors);
    }

    public SettingDefinition? Find(string id) => Settings.FirstOrDefault(s => s.Id == id);

    /// <summary>
    /// Checks an agency's values: field-level problems by setting id (the <c>errors</c> map of a 400
    /// <c>validation_failed</c>). Missing values are fine: they take the default.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Validate(JsonObject values)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (id, value) in values)
        {
            var problems = Find(id) is { } setting
                ? SettingValidator.Problems(setting, value).ToArray()
                : ["Is not a setting of this theme."];
            if (problems.Length > 0)
            {
                errors[id] = problems;
            }
        }

        return errors;
    }

    /// <summary>
    /// The values a template sees as <c>settings</c>: each agency value that is valid, else the default. Richtext is
    /// sanitised (safe for <c>raw</c>), a font id becomes its CSS font stack, a range a number, a checkbox a boolean.
    /// The agency's <paramref name="brandColor"/> is the accent's default (<see cref="ThemeAccent"/>).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Resolve(JsonObject values, string? brandColor = null)
    {
        var resolved = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var setting in Settings)
        {
            var value = Saved(setting, values) ?? setting.Default;
            resolved[setting.Id] = Convert(setting, value);
        }

        ThemeAccent.Apply(this, values, brandColor, resolved);
        return resolved;
    }

    /// <summary>Whether the agency saved a valid value of its own for setting <paramref name="id"/>.</summary>
    public bool IsSaved(JsonObject values, string id) => Find(id) is { } setting && Saved(setting, values) is not null;

    private static JsonNode? Saved(SettingDefinition setting, JsonObject values) =>
        values[setting.Id] is { } own && !SettingValidator.Problems(setting, own).Any() ? own : null;

    private static object? Convert(SettingDefinition setting, JsonNode? value)
    {
        if (value is null || value.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        return setting.Type switch
        {
            SettingType.Checkbox => value.GetValueKind() == JsonValueKind.True,
            SettingType.Range => SettingValidator.Number(value),
            SettingType.RichText => RichText.Sanitize(SettingValidator.Text(value) ?? ""),
            SettingType.Font => FontStacks.All.GetValueOrDefault(SettingValidator.Text(value) ?? "", FontStacks.All["system-sans"]),
            _ => SettingValidator.Text(value),
        };
    }
}
