namespace ResellerKit.Themes.Settings;

/// <summary>The input types of <c>config/settings_schema.json</c>, as the back office's theme editor shows them.</summary>
public enum SettingType
{
    Color,
    Text,
    RichText,
    Image,
    Select,
    Checkbox,
    Range,
    Font,
}
