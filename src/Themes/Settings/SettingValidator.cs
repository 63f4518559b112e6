using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ResellerKit.Themes.Settings;

/// <summary>Checks one value against its setting; returns the problems as sentences for the theme editor.</summary>
internal static partial class SettingValidator
{
    public static IEnumerable<string> Problems(SettingDefinition setting, JsonNode? value)
    {
        if (value is null)
        {
            yield break;
        }

        switch (setting.Type)
        {
            case SettingType.Color when !(Text(value) is { } color && Color().IsMatch(color)):
                yield return "Must be a colour written as # and six hex digits, such as #1a2b3c.";
                break;
            case SettingType.Text or SettingType.RichText when Text(value) is not { } text:
                yield return "Must be text.";
                break;
            case SettingType.Text or SettingType.RichText when Text(value)!.Length > setting.MaxLength:
                yield return $"Must be at most {setting.MaxLength} characters long.";
                break;
            case SettingType.Text when HasControlCharacters(Text(value)!, multiline: false):
                yield return "Must be one line of text: no line breaks, tabs or other control characters (such as NUL).";
                break;
            case SettingType.RichText when HasControlCharacters(Text(value)!, multiline: true):
                yield return "Must not contain control characters (such as NUL or escape); only line breaks and tabs are allowed.";
                break;
            case SettingType.Image when !(Text(value) is { } url && (url.Length == 0 || IsHttpsUrl(url))):
                yield return "Must be an https:// address of an image.";
                break;
            case SettingType.Select when !(Text(value) is { } option && setting.Options.Contains(option)):
                yield return $"Must be one of: {string.Join(", ", setting.Options)}.";
                break;
            case SettingType.Checkbox when value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False):
                yield return "Must be true or false.";
                break;
            case SettingType.Range when Number(value) is not { } number:
                yield return "Must be a number.";
                break;
            case SettingType.Range when Number(value) is { } number && (number < setting.Min || number > setting.Max):
                yield return $"Must be between {setting.Min} and {setting.Max}.";
                break;
            case SettingType.Range when Number(value) is { } number && setting.Step is > 0 && (number - (setting.Min ?? 0)) % setting.Step != 0:
                yield return $"Must be a multiple of {setting.Step} from {setting.Min ?? 0}.";
                break;
            case SettingType.Font when !(Text(value) is { } font && FontStacks.All.ContainsKey(font)):
                yield return $"Must be one of the fonts: {string.Join(", ", FontStacks.All.Keys)}.";
                break;
        }
    }

    public static string? Text(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static decimal? Number(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? decimal.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    // The rule of the Engine's Input.HasControlCharacters, for the setting values a storefront shows.
    private static bool HasControlCharacters(string text, bool multiline) =>
        text.Any(c => (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) || c is '\u2028' or '\u2029');

    private static bool IsHttpsUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Color();
}
