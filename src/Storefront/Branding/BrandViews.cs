using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Settings;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Branding;

/// <summary>The agency as the theme engine sees it: one mapping for storefront pages, the widget and every email.</summary>
public static class BrandViews
{
    public const string DefaultColor = "#1d4ed8";

    /// <param name="theme">The agency's theme, whose accent (by <see cref="ThemeAccent"/>'s rule) colours email buttons.</param>
    public static AgencyBrandView Shop(Agency agency, ThemeSource? theme = null)
    {
        var shop = new AgencyBrandView(
            agency.PublicName,
            agency.Slug,
            agency.Branding.LogoUrl,
            agency.Branding.PrimaryColor ?? DefaultColor,
            agency.Branding.SupportEmail, // never the owner's sign-in email: blank support email shows none
            agency.Branding.Locale,
            agency.Branding.Currency);
        return theme is not null && ThemeAccent.Of(theme) is var (color, text) ? shop with { AccentColor = color, AccentTextColor = text } : shop;
    }

    public static FooterView Footer(Agency agency, string? unsubscribeUrl = null) => new(
        agency.PublicName,
        agency.Branding.LogoUrl,
        agency.Branding.PostalAddress,
        agency.Branding.SupportEmail,
        agency.Branding.EmailFooter,
        unsubscribeUrl);

    public static ThemeSource Theme(Agency agency, ThemeState state) => Theme(agency.Id.ToString(), state, agency.Branding.PrimaryColor);

    /// <summary>The agency's unpublished draft: cached apart from the live theme (its own key), by its content's version.</summary>
    public static ThemeSource DraftTheme(Agency agency, ThemeState draft) => Theme(DraftKey(agency.Id), draft, agency.Branding.PrimaryColor);

    public static string DraftKey(Engine.Common.AgencyId agencyId) => $"{agencyId}/draft";

    private static ThemeSource Theme(string key, ThemeState state, string? primaryColor) => ThemeSource.Create(
        key,
        BuiltInThemes.Names.Contains(state.BaseTheme) ? state.BaseTheme : AgencyTheme.DefaultBase,
        state.Files,
        System.Text.Json.Nodes.JsonNode.Parse(state.SettingsJson) as System.Text.Json.Nodes.JsonObject,
        state.Version,
        primaryColor);
}
