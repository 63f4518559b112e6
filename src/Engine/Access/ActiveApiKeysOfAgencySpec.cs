using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Access;

/// <summary>The agency's keys that still open the API (not revoked), newest first.</summary>
public sealed class ActiveApiKeysOfAgencySpec : Specification<ApiKey>
{
    public ActiveApiKeysOfAgencySpec(AgencyId agencyId) =>
        Query.Where(k => k.AgencyId == agencyId && k.RevokedAt == null).OrderByDescending(k => k.CreatedAt);
}
