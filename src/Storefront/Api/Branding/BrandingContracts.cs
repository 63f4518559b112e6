using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Api.Branding;

public sealed record BrandingRequest(
    Optional<string?> DisplayName, Optional<string?> LogoUrl, Optional<string?> PrimaryColor, Optional<string?> SupportEmail,
    Optional<string?> EmailFooter, Optional<string?> PostalAddress, Optional<string?> Locale, Optional<string?> Currency,
    Optional<string?> CustomDomain)
{
    public BrandingCommand ToCommand() =>
        new(DisplayName, LogoUrl, PrimaryColor, SupportEmail, EmailFooter, PostalAddress, Locale, Currency, CustomDomain);
}

public sealed record EmailFooterResponse(string Html, string Text);
