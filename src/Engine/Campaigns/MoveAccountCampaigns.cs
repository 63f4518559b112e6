using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// The campaigns a sub-account holds go with it when it changes hands (inside the move's transaction): they and their
/// versions belong to the new agency, so the old one no longer reads, pushes to, versions or deletes them. A link
/// across the move ends: a copy in the account whose template stays behind becomes a plain campaign of the new
/// owner, and so does a copy left behind whose template moved with the account.
/// </summary>
public sealed class MoveAccountCampaigns(EngineDbContext db)
{
    /// <summary>Returns how many campaigns moved.</summary>
    public async Task<int> HandleAsync(SubAccountId id, AgencyId from, AgencyId to, CancellationToken ct)
    {
        var held = await db.Campaigns.Where(c => c.SubAccountId == id).Select(c => c.Id).ToListAsync(ct);
        if (held.Count == 0)
        {
            return 0;
        }
        await db.Campaigns // A copy is only ever made within its template's agency, so every link to cut is at the old one.
            .Where(c => c.AgencyId == from && c.TemplateId != null && (c.SubAccountId == id ? !held.Contains(c.TemplateId.Value) : held.Contains(c.TemplateId.Value)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.TemplateId, (CampaignId?)null)
                .SetProperty(c => c.TemplateVersion, (int?)null)
                .SetProperty(c => c.SyncedVersion, (int?)null), ct);
        await db.CampaignVersions.Where(v => held.Contains(v.CampaignId)).ExecuteUpdateAsync(set => set.SetProperty(v => v.AgencyId, to), ct);
        return await db.Campaigns.Where(c => c.SubAccountId == id).ExecuteUpdateAsync(set => set.SetProperty(c => c.AgencyId, to), ct);
    }
}
