using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// Keeps a campaign's versions: every change is recorded, in the same save as the change. A campaign from before
/// versions were kept gets its current content recorded first, so that what it held is never lost.
/// </summary>
public sealed class CampaignHistory(EngineDbContext db)
{
    public const string BeforeVersionsWereKept = "as it was before versions were kept";

    public void Record(Campaign campaign, string change, DateTimeOffset at) =>
        db.CampaignVersions.Add(CampaignVersion.Of(campaign, change, at));

    /// <summary>Call before changing <paramref name="campaign"/>.</summary>
    public async Task KeepCurrentAsync(Campaign campaign, CancellationToken ct)
    {
        if (!await db.CampaignVersions.AnyAsync(v => v.CampaignId == campaign.Id && v.Version == campaign.Version, ct))
        {
            Record(campaign, BeforeVersionsWereKept, campaign.UpdatedAt);
        }
    }
}
