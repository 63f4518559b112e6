using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

public sealed record CampaignVersionSummary(int Version, string Change, DateTimeOffset CreatedAt);

/// <summary>A version with everything the campaign held in it, to show and to compare with the one before.</summary>
public sealed record CampaignVersionDetail(int Version, string Change, DateTimeOffset CreatedAt, CampaignContent Content);

/// <summary>A campaign's versions, newest first, and a rollback that restores one as a new version.</summary>
public sealed class CampaignVersions(EngineDbContext db, CampaignHolders holders, CampaignHistory history, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CampaignVersionSummary>>> ListAsync(Tenant tenant, CampaignId id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().WithSpecification(new CampaignByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (campaign is null)
        {
            return new NotFound("campaign");
        }
        var versions = await db.CampaignVersions.AsNoTracking().Where(v => v.CampaignId == id)
            .Select(v => new CampaignVersionSummary(v.Version, v.Change, v.CreatedAt)).ToListAsync(ct);
        if (!versions.Any(v => v.Version == campaign.Version))
        {
            versions.Add(new CampaignVersionSummary(campaign.Version, CampaignHistory.BeforeVersionsWereKept, campaign.UpdatedAt));
        }
        return versions.OrderByDescending(v => v.Version).ToList();
    }

    /// <summary>
    /// The newest <paramref name="newest"/> versions with their content, newest first, and the one before the oldest of
    /// them when there is one, so that each can be compared with its predecessor.
    /// </summary>
    public async Task<Result<IReadOnlyList<CampaignVersionDetail>>> HistoryAsync(Tenant tenant, CampaignId id, int newest, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().WithSpecification(new CampaignByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (campaign is null)
        {
            return new NotFound("campaign");
        }
        var stored = await db.CampaignVersions.AsNoTracking().Where(v => v.CampaignId == id)
            .OrderByDescending(v => v.Version).Take(newest + 1).ToListAsync(ct);
        var versions = stored.Select(v => new CampaignVersionDetail(v.Version, v.Change, v.CreatedAt, v.ToContent())).ToList();
        if (!versions.Any(v => v.Version == campaign.Version))
        {
            versions.Insert(0, new CampaignVersionDetail(campaign.Version, CampaignHistory.BeforeVersionsWereKept, campaign.UpdatedAt, campaign.Content));
        }
        return versions;
    }

    /// <summary>The content of one version, to show or compare; 404 for a version the campaign never had.</summary>
    public async Task<Result<CampaignContent>> ContentAsync(Tenant tenant, CampaignId id, int version, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().WithSpecification(new CampaignByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (campaign is null)
        {
            return new NotFound("campaign");
        }
        var stored = await db.CampaignVersions.AsNoTracking().SingleOrDefaultAsync(v => v.CampaignId == id && v.Version == version, ct);
        return stored is not null ? stored.ToContent()
            : version == campaign.Version ? campaign.Content
            : new NotFound("version");
    }

    public async Task<Result<Campaign>> RollBackAsync(Tenant tenant, CampaignId id, int version, Actor actor, CancellationToken ct)
    {
        var campaign = await db.Campaigns.WithSpecification(new CampaignByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (campaign is null)
        {
            return new NotFound("campaign");
        }
        if (campaign.SubAccountId is { } holderId && await holders.RequireAsync(tenant, holderId, ct) is { IsSuccess: false } holder)
        {
            return holder.Error;
        }
        var stored = await db.CampaignVersions.AsNoTracking().SingleOrDefaultAsync(v => v.CampaignId == id && v.Version == version, ct);
        if (stored is null)
        {
            return new NotFound("version");
        }
        var now = clock.GetUtcNow();
        await history.KeepCurrentAsync(campaign, ct);
        campaign.Revise(stored.ToContent(), now);
        history.Record(campaign, $"rolled back to version {version}", now);
        db.AuditEvents.Add(AuditEvent.Record(actor, "campaign.rolled_back", campaign.AgencyId, campaign.SubAccountId,
            new { campaignId = campaign.Id, toVersion = version, version = campaign.Version }, now));
        await db.SaveChangesAsync(ct);
        return campaign;
    }
}
