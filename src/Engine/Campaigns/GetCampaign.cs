using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

public sealed class GetCampaign(EngineDbContext db)
{
    public async Task<Result<Campaign>> HandleAsync(Tenant tenant, CampaignId id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().WithSpecification(new CampaignByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        return campaign is null ? new NotFound("campaign") : campaign;
    }
}
