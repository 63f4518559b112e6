using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Campaigns;

/// <summary>One campaign, if the tenant may see it: an agency sees its own and its sub-accounts'.</summary>
public sealed class CampaignByIdSpec : Specification<Campaign>
{
    public CampaignByIdSpec(Tenant tenant, CampaignId id)
    {
        var agencyId = tenant.AgencyId;
        Query.Where(c => c.Id == id && (agencyId == null || c.AgencyId == agencyId));
    }
}
