using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Recharges;

/// <summary>A sub-account's recharges, newest first, from just before <paramref name="beforeNumber"/>, if the tenant may see them.</summary>
public sealed class RechargesOfSubAccountSpec : Specification<Recharge>
{
    public RechargesOfSubAccountSpec(Tenant tenant, SubAccountId subAccountId, long? beforeNumber = null)
    {
        var agencyId = tenant.AgencyId;
        Query.Where(r => r.SubAccountId == subAccountId && (agencyId == null || r.AgencyId == agencyId)).AsNoTracking();
        if (beforeNumber is { } before)
        {
            Query.Where(r => r.Number < before);
        }
        Query.OrderByDescending(r => r.Number);
    }
}
