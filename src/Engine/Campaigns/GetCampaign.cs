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

    /// <summary>One campaign as its client sees it: only one its own account holds; any other is not found.</summary>
    public async Task<Result<Campaign>> HeldByAsync(SubAccountId holder, CampaignId id, CancellationToken ct)
    {
        var found = await HandleAsync(Tenant.Platform, id, ct);
        return found.IsSuccess && found.Value.SubAccountId != holder ? new NotFound("campaign") : found;
    }
}
