using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>One sub-account, if the tenant may see it.</summary>
public sealed class SubAccountByIdSpec : Specification<SubAccount>
{
    public SubAccountByIdSpec(Tenant tenant, SubAccountId id)
    {
        var agencyId = tenant.AgencyId;
        Query.Where(s => s.Id == id && (agencyId == null || s.AgencyId == agencyId));
    }
}
