using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;

namespace ResellerKit.Engine.Campaigns;

public sealed record PushedCampaign(IReadOnlyList<CampaignId> Updated, IReadOnlyList<SkippedCopy> Skipped);

/// <summary>
/// <c>edited_locally</c>: changed since it last took the template (pushed only with force); <c>up_to_date</c>: nothing to
/// take; <c>campaigns_off</c>: the plan of the sub-account that holds it has Campaigns switched off, so it cannot change.
/// </summary>
public sealed record SkippedCopy(CampaignId CopyId, string Reason)
{
    public const string EditedLocally = "edited_locally";
    public const string UpToDate = "up_to_date";
    public const string CampaignsOff = "campaigns_off";
}

/// <summary>
/// Brings the linked copies of a template (all, or those of the given sub-accounts) to its latest version, each as a
/// new version of the copy. A copy edited since it last followed the template is skipped unless forced, so that an
/// agency never overwrites a client's own changes by accident. A copy whose holder may not hold campaigns now (the
/// feature <see cref="CampaignHolders"/> checks before an edit or a rollback of it) is skipped whatever the force.
/// </summary>
public sealed class PushCampaign(EngineDbContext db, SubAccountFeatures features, CampaignHistory history, TimeProvider clock)
{
    public async Task<Result<PushedCampaign>> HandleAsync(
        Tenant tenant, CampaignId templateId, IReadOnlyList<SubAccountId>? subAccountIds, bool force, Actor actor, CancellationToken ct)
    {
        var template = await db.Campaigns.AsNoTracking().WithSpecification(new CampaignByIdSpec(tenant, templateId)).SingleOrDefaultAsync(ct);
        if (template is null)
        {
            return new NotFound("campaign");
        }
        var copies = await db.LinkedCopiesOf(template).ToListAsync(ct);
        if (subAccountIds is not null)
        {
            copies = copies.Where(c => c.SubAccountId is { } s && subAccountIds.Contains(s)).ToList();
        }
        // The copies are the template's agency's (LinkedCopiesOf), so the plan is the one refusal left: read once for all holders.
        var holders = copies.Select(c => c.SubAccountId!.Value).Distinct().ToList();
        var campaignsOn = (await features.OfSubAccountsAsync(template.AgencyId, holders, ct))
            .Where(f => f.Effective.HasFlag(Features.Campaigns)).Select(f => f.SubAccount.Id).ToHashSet();
        var now = clock.GetUtcNow();
        var updated = new List<CampaignId>();
        var skipped = new List<SkippedCopy>();
        foreach (var copy in copies)
        {
            if (copy.EditedLocally && !force)
            {
                skipped.Add(new SkippedCopy(copy.Id, SkippedCopy.EditedLocally));
                continue;
            }
            if (!copy.EditedLocally && copy.TemplateVersion == template.Version)
            {
                skipped.Add(new SkippedCopy(copy.Id, SkippedCopy.UpToDate));
                continue;
            }
            if (!campaignsOn.Contains(copy.SubAccountId!.Value))
            {
                skipped.Add(new SkippedCopy(copy.Id, SkippedCopy.CampaignsOff));
                continue;
            }
            await history.KeepCurrentAsync(copy, ct);
            copy.Follow(template, now);
            history.Record(copy, $"updated from its template's version {template.Version}{(force ? ", replacing its own changes" : "")}", now);
            updated.Add(copy.Id);
        }
        if (updated.Count > 0)
        {
            db.AuditEvents.Add(AuditEvent.Record(actor, "campaign.pushed", template.AgencyId, template.SubAccountId,
                new { campaignId = template.Id, version = template.Version, updated, skipped = skipped.Select(s => new { s.CopyId, s.Reason }), force }, now));
            await db.SaveChangesAsync(ct);
        }
        return new PushedCampaign(updated, skipped);
    }
}
