using System.Text.Json;

namespace ResellerKit.Themes.Rendering;

/// <summary>
/// How a theme's JSON files (locales, the settings schema) are read: a property written twice is a syntax error,
/// reported by the lint with its line, rather than an exception when the object is first read.
/// </summary>
public static class ThemeJson
{
    public static JsonDocumentOptions Strict { get; } = new() { AllowDuplicateProperties = false };
}
