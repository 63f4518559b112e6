using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Campaigns;

/// <summary>The linked copies that follow one template, oldest first: the copies a push brings up to date.</summary>
public sealed class LinkedCopiesSpec : Specification<Campaign>
{
    public LinkedCopiesSpec(AgencyId agencyId, CampaignId templateId)
    {
        Query.Where(c => c.AgencyId == agencyId && c.TemplateId == templateId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
    }
}
