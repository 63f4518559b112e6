using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// "Copy to sub-account": duplicates a campaign of the agency, or of any of its sub-accounts, into a sub-account of
/// the same agency, with everything it holds and a record of where it came from. Each copy is a new, independent
/// campaign, unless <c>linked</c>: then it follows its template (see <see cref="PushCampaign"/>). A campaign or target of another agency answers 404, exactly like a missing one; a target whose plan
/// has Campaigns off answers 403.
/// </summary>
public sealed class CopyCampaign(EngineDbContext db, CampaignHolders holders, CampaignHistory history, TimeProvider clock)
{
    public async Task<Result<Campaign>> HandleAsync(
        Tenant tenant, CampaignId sourceId, SubAccountId targetId, Actor actor, CancellationToken ct, bool linked = false)
    {
        var source = await db.Campaigns.AsNoTracking().WithSpecification(new CampaignByIdSpec(tenant, sourceId)).SingleOrDefaultAsync(ct);
        if (source is null)
        {
            return new NotFound("campaign");
        }
        // The target is looked up within the source's agency, so the platform tenant cannot copy across agencies either.
        var target = await holders.RequireAsync(Tenant.Of(source.AgencyId), targetId, ct);
        if (!target.IsSuccess)
        {
            return target.Error;
        }
        var owner = source.SubAccountId is { } holderId
            ? await db.SubAccounts.Where(s => s.Id == holderId).Select(s => s.Name).SingleAsync(ct)
            : await db.Agencies.Where(a => a.Id == source.AgencyId).Select(a => a.Name).SingleAsync(ct);

        var now = clock.GetUtcNow();
        var copy = source.CopyTo(target.Value, owner, now);
        if (linked)
        {
            copy.LinkTo(source);
        }
        db.Campaigns.Add(copy);
        history.Record(copy, linked ? $"copied from version {source.Version}, following it" : "copied", now);
        db.AuditEvents.Add(AuditEvent.Record(actor, "campaign.copied", copy.AgencyId, copy.SubAccountId,
            new { campaignId = copy.Id, copiedFromId = source.Id, fromSubAccountId = source.SubAccountId, copy.CopiedFrom, linked }, now));
        await db.SaveChangesAsync(ct);
        return copy;
    }
}
