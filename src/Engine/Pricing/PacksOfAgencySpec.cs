using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Pricing;

/// <summary>An agency's packs on sale, in the order the agency chose.</summary>
public sealed class PacksOfAgencySpec : Specification<CreditPack>
{
    public PacksOfAgencySpec(AgencyId agencyId) =>
        Query.Where(p => p.AgencyId == agencyId && !p.Archived).OrderBy(p => p.SortOrder).ThenBy(p => p.UnitAmount);
}
