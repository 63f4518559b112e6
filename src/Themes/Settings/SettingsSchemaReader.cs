using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResellerKit.Themes.Settings;

/// <summary>
/// Reads <c>config/settings_schema.json</c>: a list of groups <c>{ "name": …, "settings": [ { "type", "id", "label",
/// "default", … } ] }</c>, with <c>options</c> for select, <c>min</c>/<c>max</c>/<c>step</c> for range and
/// <c>max_length</c> for text and richtext.
/// </summary>
internal static class SettingsSchemaReader
{
    private static readonly Dictionary<string, SettingType> Types = new(StringComparer.Ordinal)
    {
        ["color"] = SettingType.Color, ["text"] = SettingType.Text, ["richtext"] = SettingType.RichText, ["image"] = SettingType.Image,
        ["select"] = SettingType.Select, ["checkbox"] = SettingType.Checkbox, ["range"] = SettingType.Range, ["font"] = SettingType.Font,
    };

    public static (IReadOnlyList<SettingDefinition> Settings, IReadOnlyList<string> Errors) Read(string json)
    {
        var errors = new List<string>();
        var settings = new List<SettingDefinition>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: ResellerKit.Themes.Rendering.ThemeJson.Strict);
        }
        catch (JsonException e)
        {
            return ([], [$"Not valid JSON (line {e.LineNumber + 1}): {e.Message.Split('.')[0]}."]);
        }

        if (root is not JsonArray groups)
        {
            return ([], ["The schema must be a list of groups, each with a name and settings."]);
        }

        foreach (var item in groups.OfType<JsonObject>().SelectMany(g => g["settings"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Read(item, errors) is { } setting)
            {
                if (settings.Any(s => s.Id == setting.Id))
                {
                    errors.Add($"'{setting.Id}' is declared twice.");
                }

                settings.Add(setting);
            }
        }

        return (settings, errors);
    }

    private static SettingDefinition? Read(JsonObject item, List<string> errors)
    {
        var id = SettingValidator.Text(item["id"]);
        var typeName = SettingValidator.Text(item["type"]) ?? "";
        if (string.IsNullOrWhiteSpace(id) || !Types.TryGetValue(typeName, out var type))
        {
            errors.Add($"Setting '{id}' needs an id and one of the types {string.Join(", ", Types.Keys)}.");
            return null;
        }

        var options = (item["options"] as JsonArray ?? [])
            .Select(o => SettingValidator.Text(o is JsonObject option ? option["value"] : o))
            .OfType<string>()
            .ToList();
        var setting = new SettingDefinition(
            id,
            type,
            SettingValidator.Text(item["label"]) ?? id,
            item["default"]?.DeepClone(),
            options,
            SettingValidator.Number(item["min"]),
            SettingValidator.Number(item["max"]),
            SettingValidator.Number(item["step"]),
            (int)(SettingValidator.Number(item["max_length"]) ?? (type == SettingType.RichText ? 5000 : 500)));

        if (type == SettingType.Select && options.Count == 0)
        {
            errors.Add($"'{id}': a select needs options.");
        }

        if (type == SettingType.Range && (setting.Min is null || setting.Max is null || setting.Min > setting.Max))
        {
            errors.Add($"'{id}': a range needs min and max, min first.");
        }

        errors.AddRange(SettingValidator.Problems(setting, setting.Default).Select(p => $"'{id}' default: {p}"));
        return setting;
    }
}
