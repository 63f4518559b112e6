using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// Campaigns newest first, in pages: the agency's own, or those of one of its sub-accounts (404 for a sub-account
/// that is not the agency's).
/// </summary>
public sealed class ListCampaigns(EngineDbContext db)
{
    public async Task<Result<Page<CampaignSummary>>> HandleAsync(
        AgencyId agencyId, SubAccountId? subAccountId, PageRequest page, CancellationToken ct)
    {
        if (!TryParseCursor(page.After, out var after))
        {
            return ValidationFailed.For("cursor", "The cursor is not one this API returned.");
        }
        var tenant = Tenant.Of(agencyId);
        if (subAccountId is { } id && !await db.SubAccounts.WithSpecification(new SubAccountByIdSpec(tenant, id)).AnyAsync(ct))
        {
            return new NotFound("sub-account");
        }
        var query = db.Campaigns.WithSpecification(subAccountId is { } s
            ? new CampaignsOfSubAccountSpec(tenant, s)
            : new CampaignsOfAgencySpec(agencyId));
        if (after is var (at, last))
        {
            query = query.Where(c => c.CreatedAt < at || c.CreatedAt == at && c.Id.CompareTo(last) < 0);
        }
        var rows = await Summaries(query).Take(page.Limit + 1).ToListAsync(ct);
        return page.ToPage(rows, c => $"{c.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{c.Id}");
    }

    /// <summary>Every campaign of the agency and of its sub-accounts, for the back office's list.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> AllOfAgencyAsync(AgencyId agencyId, CancellationToken ct) =>
        await Summaries(db.Campaigns.WithSpecification(new CampaignsOfAgencySpec(agencyId, includeSubAccounts: true))).ToListAsync(ct);

    /// <summary>
    /// Every campaign one sub-account holds, for its client's own back office: found by the account alone, so it holds
    /// whichever agency holds the account now (after a hand-over to the client, the platform's house agency).
    /// </summary>
    public async Task<IReadOnlyList<CampaignSummary>> AllOfSubAccountAsync(SubAccountId subAccountId, CancellationToken ct) =>
        await Summaries(db.Campaigns.WithSpecification(new CampaignsOfSubAccountSpec(Tenant.Platform, subAccountId))).ToListAsync(ct);

    private static IQueryable<CampaignSummary> Summaries(IQueryable<Campaign> campaigns) =>
        campaigns.Select(c => new CampaignSummary(c.Id, c.SubAccountId, c.Name, c.CopiedFromId, c.CopiedFrom, c.CreatedAt, c.UpdatedAt));

    private static bool TryParseCursor(string? position, out (DateTimeOffset At, CampaignId Id)? after)
    {
        after = null;
        if (position is null)
        {
            return true;
        }
        var parts = position.Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !CampaignId.TryParse(parts[1], out var id))
        {
            return false;
        }
        after = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
