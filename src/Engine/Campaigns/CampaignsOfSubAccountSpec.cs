using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// The campaigns one sub-account holds, newest first, if the tenant may see them. Its agency sees them; so will
/// the client itself, through a tenant of its agency.
/// </summary>
public sealed class CampaignsOfSubAccountSpec : Specification<Campaign>
{
    public CampaignsOfSubAccountSpec(Tenant tenant, SubAccountId subAccountId)
    {
        var agencyId = tenant.AgencyId;
        Query.Where(c => c.SubAccountId == subAccountId && (agencyId == null || c.AgencyId == agencyId)).AsNoTracking();
        Query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
    }
}
