using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

/// <summary>A linked copy as its template's page lists it: who holds it, which of the template's versions it took, and whether it was edited since.</summary>
public sealed record LinkedCopy(CampaignId Id, SubAccountId SubAccountId, string SubAccountName, int TemplateVersion, bool EditedLocally);

/// <summary>The linked copies of a template the tenant may see; 404 for a template that is not the tenant's.</summary>
public sealed class LinkedCopies(EngineDbContext db)
{
    public async Task<Result<IReadOnlyList<LinkedCopy>>> ListAsync(Tenant tenant, CampaignId templateId, CancellationToken ct)
    {
        var template = await db.Campaigns.AsNoTracking().WithSpecification(new CampaignByIdSpec(tenant, templateId)).SingleOrDefaultAsync(ct);
        if (template is null)
        {
            return new NotFound("campaign");
        }
        var copies = await db.LinkedCopiesOf(template).AsNoTracking().ToListAsync(ct);
        var holderIds = copies.Select(c => c.SubAccountId).OfType<SubAccountId>().Distinct().ToList();
        var names = await db.SubAccounts.AsNoTracking().Where(s => holderIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return copies.Where(c => c.SubAccountId is not null)
            .Select(c => new LinkedCopy(c.Id, c.SubAccountId!.Value, names.GetValueOrDefault(c.SubAccountId.Value, "A sub-account"), c.TemplateVersion ?? 0, c.EditedLocally))
            .ToList();
    }
}
