namespace ResellerKit.Engine.Agencies;

/// <summary>How the agency appears on its storefront, in the widget, and in the footer of every email sent for it.</summary>
public sealed record AgencyBranding
{
    public string? DisplayName { get; init; }

    public string? LogoUrl { get; init; }

    public string? PrimaryColor { get; init; }

    public string? SupportEmail { get; init; }

    public string? PostalAddress { get; init; }

    public string? EmailFooter { get; init; }

    public string Locale { get; init; } = "en-US";

    public string Currency { get; init; } = "usd";
}
