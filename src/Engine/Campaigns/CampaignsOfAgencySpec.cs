using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// An agency's campaigns, newest first: its own (those no sub-account holds), or with
/// <paramref name="includeSubAccounts"/> every campaign of the agency and its sub-accounts.
/// </summary>
public sealed class CampaignsOfAgencySpec : Specification<Campaign>
{
    public CampaignsOfAgencySpec(AgencyId agencyId, bool includeSubAccounts = false)
    {
        Query.Where(c => c.AgencyId == agencyId).AsNoTracking();
        if (!includeSubAccounts)
        {
            Query.Where(c => c.SubAccountId == null);
        }
        Query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
    }
}
