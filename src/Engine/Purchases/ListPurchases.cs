using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// An agency's purchases, newest first, optionally for one sub-account; in pages. Another agency's sub-account is
/// <see cref="NotFound"/>, exactly like one that does not exist, never an empty page.
/// </summary>
public sealed class ListPurchases(EngineDbContext db)
{
    public async Task<Result<Page<Purchase>>> HandleAsync(Tenant tenant, SubAccountId? subAccountId, PageRequest page, CancellationToken ct)
    {
        if (subAccountId is { } wanted && !await db.SubAccounts.WithSpecification(new SubAccountByIdSpec(tenant, wanted)).AnyAsync(ct))
        {
            return new NotFound("sub-account");
        }
        var agencyId = tenant.AgencyId;
        var query = db.Purchases.AsNoTracking().Include(p => p.SubAccount)
            .Where(p => agencyId == null || p.AgencyId == agencyId);
        if (subAccountId is { } id) query = query.Where(p => p.SubAccountId == id);
        var after = page.NumberAfter();
        if (!after.IsSuccess)
        {
            return after.Error;
        }
        if (after.Value is { } before)
        {
            query = query.Where(p => p.Number < before);
        }
        var rows = await query.OrderByDescending(p => p.Number).Take(page.Limit + 1).ToListAsync(ct);
        return page.ToPage(rows, p => p.Number.ToString(CultureInfo.InvariantCulture));
    }
}
