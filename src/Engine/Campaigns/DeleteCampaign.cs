using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// Deletes a campaign. Its copies stay, and still say where they came from. Allowed even when a plan has switched
/// Campaigns off, so that an agency can always clean up.
/// </summary>
public sealed class DeleteCampaign(EngineDbContext db, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(Tenant tenant, CampaignId id, Actor actor, CancellationToken ct)
    {
        var campaign = await db.Campaigns.WithSpecification(new CampaignByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (campaign is null)
        {
            return new NotFound("campaign");
        }
        db.Campaigns.Remove(campaign);
        db.AuditEvents.Add(AuditEvent.Record(actor, "campaign.deleted", campaign.AgencyId, campaign.SubAccountId,
            new { campaignId = campaign.Id, campaign.Name }, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
