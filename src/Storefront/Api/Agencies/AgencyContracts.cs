using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Api.Agencies;

public sealed record CreateAgencyRequest(string? Name, string? Slug, string? OwnerEmail);

public sealed record CreatedAgencyResponse(AgencyId Id, string Name, string Slug, string ApiKey, string StorefrontUrl);

public sealed record AgencyResponse(
    AgencyId Id, string Name, string Slug, string OwnerEmail, string Status, long PoolBalance, int SubAccountCount,
    string StorefrontUrl, DateTimeOffset CreatedAt)
{
    public static AgencyResponse From(AgencySummary summary, string storefrontUrl) => new(
        summary.Agency.Id, summary.Agency.Name, summary.Agency.Slug, summary.Agency.OwnerEmail,
        summary.Agency.Status.ToString().ToLowerInvariant(), summary.PoolBalance, summary.SubAccountCount,
        storefrontUrl, summary.Agency.CreatedAt);
}

public sealed record ApiKeyResponse(string ApiKey);
