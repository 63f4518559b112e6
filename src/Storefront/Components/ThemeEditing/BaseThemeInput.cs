namespace ResellerKit.Storefront.Components.ThemeEditing;

/// <summary>The base theme form of the theme editor (posted as <c>BaseInput.*</c>).</summary>
public sealed class BaseThemeInput
{
    public string? BaseTheme { get; set; }
}
