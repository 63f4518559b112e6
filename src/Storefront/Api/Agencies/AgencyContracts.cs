using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Api.Agencies;

public sealed record CreateAgencyRequest(string? Name, string? Slug, string? OwnerEmail);

public sealed record CreatedAgencyResponse(AgencyId Id, string Name, string Slug, string ApiKey, string StorefrontUrl);

public sealed record AgencyResponse(
    AgencyId Id, string Name, string Slug, string OwnerEmail, string Status, long PoolBalance, int SubAccountCount,
    string StorefrontUrl, DateTimeOffset CreatedAt, string? DisplayName, string? LogoUrl, string? PrimaryColor, string? SupportEmail,
    string? EmailFooter, string? PostalAddress, string Locale, string Currency, string? CustomDomain)
{
    public static AgencyResponse From(AgencySummary summary, string storefrontUrl)
    {
        var a = summary.Agency;
        var b = a.Branding;
        return new(a.Id, a.Name, a.Slug, a.OwnerEmail, a.Status.ToString().ToLowerInvariant(), summary.PoolBalance, summary.SubAccountCount,
            storefrontUrl, a.CreatedAt, b.DisplayName, b.LogoUrl, b.PrimaryColor, b.SupportEmail, b.EmailFooter, b.PostalAddress, b.Locale, b.Currency, a.CustomDomain);
    }
}

public sealed record ApiKeyResponse(string ApiKey);
