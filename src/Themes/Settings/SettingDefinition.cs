using System.Text.Json.Nodes;

namespace ResellerKit.Themes.Settings;

/// <summary>One setting of a theme's schema.</summary>
/// <param name="Options">The allowed values of a <c>select</c>.</param>
/// <param name="MaxLength">The longest <c>text</c> or <c>richtext</c> accepted.</param>
public sealed record SettingDefinition(
    string Id,
    SettingType Type,
    string Label,
    JsonNode? Default,
    IReadOnlyList<string> Options,
    decimal? Min = null,
    decimal? Max = null,
    decimal? Step = null,
    int MaxLength = 500);
