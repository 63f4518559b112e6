namespace ResellerKit.Storefront.Components.ThemeEditing;

/// <summary>The file forms of the theme editor (posted as <c>FileInput.*</c> to save, <c>RevertInput.*</c> to revert).</summary>
public sealed class ThemeFileInput
{
    public string? Path { get; set; }
    public string? Content { get; set; }
}
