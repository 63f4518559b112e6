using System.Globalization;
using System.Text.Json.Nodes;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Settings;

namespace ResellerKit.Storefront.Components.ThemeEditing;

/// <summary>
/// The theme settings form's post (<c>setting.{id}</c> fields) read into the values to save, each by its setting's type.
/// An accent left as the form showed it, while the draft has none saved, is left out: it keeps following the brand colour.
/// </summary>
public static class ThemeSettingsForm
{
    public static JsonObject Read(SettingsSchema schema, IFormCollection form, ThemeSource draft, Func<string, string?> accentShown)
    {
        var values = new JsonObject();
        foreach (var setting in schema.Settings)
        {
            var raw = form[$"setting.{setting.Id}"].ToString();
            if (draft.Settings[setting.Id] is null && raw == accentShown(setting.Id))
            {
                continue;
            }
            values[setting.Id] = setting.Type switch
            {
                SettingType.Checkbox => JsonValue.Create(raw == "true"),
                SettingType.Range when decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
                _ => JsonValue.Create(raw),
            };
        }
        return values;
    }
}
