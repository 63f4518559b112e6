using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Purchases;

/// <summary>An agency's purchases, newest first, optionally for one sub-account; in pages.</summary>
public sealed class ListPurchases(EngineDbContext db)
{
    public async Task<Page<Purchase>> HandleAsync(Tenant tenant, SubAccountId? subAccountId, PageRequest page, CancellationToken ct)
    {
        var agencyId = tenant.AgencyId;
        var query = db.Purchases.AsNoTracking().Include(p => p.SubAccount)
            .Where(p => agencyId == null || p.AgencyId == agencyId);
        if (subAccountId is { } id) query = query.Where(p => p.SubAccountId == id);
        if (page.After is { } after && long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var before))
        {
            query = query.Where(p => p.Number < before);
        }
        var rows = await query.OrderByDescending(p => p.Number).Take(page.Limit + 1).ToListAsync(ct);
        return page.ToPage(rows, p => p.Number.ToString(CultureInfo.InvariantCulture));
    }
}
