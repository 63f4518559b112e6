using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Api.Agencies;

public sealed record CreateAgencyRequest(string? Name, string? Slug, string? OwnerEmail);

public sealed record CreatedAgencyResponse(AgencyId Id, string Name, string Slug, string ApiKey, string StorefrontUrl);

public sealed record AgencyResponse(
    AgencyId Id, string Name, string Slug, string OwnerEmail, string Status, long PoolBalance, int SubAccountCount,
    string StorefrontUrl, DateTimeOffset CreatedAt, string? DisplayName, string? LogoUrl, string? PrimaryColor, string? SupportEmail,
    string? EmailFooter, string? PostalAddress, string Locale, string Currency, string? CustomDomain,
    bool CustomDomainVerified, DomainChallengeResponse? CustomDomainChallenge, decimal DiscountPercent)
{
    public static AgencyResponse From(AgencySummary summary, string storefrontUrl)
    {
        var a = summary.Agency;
        var b = a.Branding;
        return new(a.Id, a.Name, a.Slug, a.OwnerEmail, a.Status.ToString().ToLowerInvariant(), summary.PoolBalance, summary.SubAccountCount,
            storefrontUrl, a.CreatedAt, b.DisplayName, b.LogoUrl, b.PrimaryColor, b.SupportEmail, b.EmailFooter, b.PostalAddress, b.Locale, b.Currency, a.CustomDomain,
            a.CustomDomain is not null && a.VerifiedDomain == a.CustomDomain,
            DomainChallenge.For(a) is { } c ? new DomainChallengeResponse("TXT", c.RecordName, c.RecordValue) : null, a.DiscountPercent);
    }
}

/// <summary>The DNS record that proves the agency controls its custom domain; publish it, then verify.</summary>
public sealed record DomainChallengeResponse(string Type, string Name, string Value);

public sealed record ApiKeyResponse(string ApiKey);
