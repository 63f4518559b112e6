namespace ResellerKit.Themes.Views;

/// <summary>The agency whose storefront is shown: <c>shop</c> in Liquid.</summary>
/// <param name="Locale">A culture name such as <c>en-US</c> or <c>de-DE</c>: it picks the translations and formats money and dates.</param>
/// <param name="Currency">The storefront's ISO-4217 currency in lower case; <c>money</c> uses it for plain numbers.</param>
/// <param name="TimeZone">An IANA or Windows time zone id for the <c>date</c> filter; UTC when empty.</param>
/// <param name="PrimaryColor">The agency's primary colour, or ResellerKit's blue when it has none.</param>
/// <param name="SupportEmail">The agency's support address, or null when it set none: show no address then.</param>
/// <param name="PausedNotice">Plain text shown to a paused customer, or null for the theme's default sentence.</param>
public sealed record AgencyBrandView(
    string Name,
    string Slug,
    string? LogoUrl,
    string PrimaryColor,
    string? SupportEmail,
    string Locale,
    string Currency,
    string TimeZone = "UTC",
    string? PausedNotice = null)
{
    /// <summary>The colour of buttons in emails: the theme's accent (the agency's primary colour unless the theme saved its own).</summary>
    public string AccentColor { get; init; } = PrimaryColor;

    /// <summary>The text on <see cref="AccentColor"/>: the theme's, or white or near-black by contrast.</summary>
    public string AccentTextColor { get; init; } = Settings.ThemeAccent.TextOn(PrimaryColor);
}
