using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>The strings of one <c>locales/&lt;locale&gt;.json</c>, nested objects flattened to dotted keys (<c>account.balance</c>).</summary>
public sealed class LocaleTable
{
    private readonly Dictionary<string, string> strings;

    private LocaleTable(Dictionary<string, string> strings) => this.strings = strings;

    public static LocaleTable Empty { get; } = new([]);

    public IReadOnlyCollection<string> Keys => strings.Keys;

    /// <summary>The table of a locale file; an unreadable file gives an empty table (the lint reports it).</summary>
    public static LocaleTable Parse(string json)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            Flatten(JsonNode.Parse(json, documentOptions: ThemeJson.Strict), "", strings);
        }
        catch (JsonException)
        {
            return Empty;
        }

        return new LocaleTable(strings);
    }

    /// <summary>Why a locale file cannot be read (its line, 1-based, and the reason), or null when it can.</summary>
    public static (int Line, string Message)? Problem(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, ThemeJson.Strict);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : (1, "A locale file must be one JSON object of strings.");
        }
        catch (JsonException e)
        {
            return ((int)(e.LineNumber ?? 0) + 1, $"Not valid JSON: {e.Message.Split('.')[0]}.");
        }
    }

    public string? Find(string key) => strings.GetValueOrDefault(key);

    private static void Flatten(JsonNode? node, string prefix, Dictionary<string, string> strings)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                Flatten(child, prefix.Length == 0 ? name : $"{prefix}.{name}", strings);
            }
        }
        else if (node is JsonValue value && prefix.Length > 0)
        {
            strings[prefix] = value.ToString();
        }
    }
}
