using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Agencies;

/// <summary>The platform's list of agencies, by slug.</summary>
public sealed class ListAgencies(EngineDbContext db)
{
    public async Task<Page<AgencySummary>> HandleAsync(PageRequest page, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking();
        if (page.After is { } after)
        {
            query = query.Where(a => string.Compare(a.Slug, after) > 0);
        }
        var rows = await query.OrderBy(a => a.Slug).Take(page.Limit + 1)
            .Select(a => new AgencySummary(
                a,
                db.Wallets.Where(w => w.Id == a.PoolWalletId).Select(w => w.Balance).Single(),
                db.SubAccounts.Count(s => s.AgencyId == a.Id)))
            .ToListAsync(ct);
        return page.ToPage(rows, r => r.Agency.Slug);
    }
}
