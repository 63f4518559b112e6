using System.Globalization;
using System.Text.Json.Nodes;

namespace ResellerKit.Themes.Settings;

/// <summary>
/// The brand colour rule, one place for the storefront, the widget and emails: the agency's primary colour is the
/// default of a theme's <c>accent_color</c>; a value the agency saved in the theme settings overrides it. Unless the
/// agency saved <c>accent_text_color</c> too, the text on an accent that is not the theme's own default is white or
/// near-black, whichever contrasts more (WCAG 2 contrast ratio).
/// </summary>
public static class ThemeAccent
{
    public const string AccentId = "accent_color";
    public const string AccentTextId = "accent_text_color";
    public const string White = "#ffffff";
    public const string NearBlack = "#111827";

    /// <summary>Applies the rule to <paramref name="resolved"/> (a schema's resolved settings) in place.</summary>
    internal static void Apply(SettingsSchema schema, JsonObject saved, string? brandColor, Dictionary<string, object?> resolved)
    {
        if (schema.Find(AccentId) is not { Type: SettingType.Color } accent)
        {
            return;
        }
        if (!schema.IsSaved(saved, AccentId) && IsColor(brandColor))
        {
            resolved[AccentId] = brandColor.ToLowerInvariant();
        }
        if (schema.Find(AccentTextId) is { Type: SettingType.Color } && !schema.IsSaved(saved, AccentTextId)
            && resolved[AccentId] is string effective && !string.Equals(effective, SettingValidator.Text(accent.Default), StringComparison.OrdinalIgnoreCase))
        {
            resolved[AccentTextId] = TextOn(effective);
        }
    }

    /// <summary>The accent of <paramref name="theme"/> and the text on it, as its storefront shows them; null when the theme has no accent setting.</summary>
    public static (string Color, string Text)? Of(Packages.ThemeSource theme) =>
        theme.ResolveSettings(theme.Schema()) is var settings && settings.GetValueOrDefault(AccentId) is string color
            ? (color, settings.GetValueOrDefault(AccentTextId) as string ?? TextOn(color))
            : null;

    /// <summary>White or near-black, whichever has the higher contrast ratio against <paramref name="accent"/> (#rgb or #rrggbb).</summary>
    public static string TextOn(string accent)
    {
        var background = Luminance(accent);
        var withWhite = 1.05 / (background + 0.05);
        var withDark = (background + 0.05) / (Luminance(NearBlack) + 0.05);
        return withWhite >= withDark ? White : NearBlack;
    }

    /// <summary>The WCAG 2 relative luminance of a #rgb or #rrggbb colour.</summary>
    public static double Luminance(string color)
    {
        var hex = color.TrimStart('#');
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => new string(c, 2)));
        }
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }

    private static bool IsColor([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        value is { Length: 7 } && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit);
}
