using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Recharges;

/// <summary>The recharge log of one sub-account: every request, its deliveries (with every attempt) and its grant.</summary>
public sealed class ListRecharges(EngineDbContext db)
{
    public async Task<Result<Page<RechargeLogEntry>>> HandleAsync(Tenant tenant, SubAccountId id, PageRequest page, CancellationToken ct)
    {
        if (!await db.SubAccounts.WithSpecification(new SubAccountByIdSpec(tenant, id)).AnyAsync(ct))
        {
            return new NotFound("sub-account");
        }
        var after = page.NumberAfter();
        if (!after.IsSuccess)
        {
            return after.Error;
        }
        var before = after.Value;
        var rows = await db.Recharges.WithSpecification(new RechargesOfSubAccountSpec(tenant, id, before)).Take(page.Limit + 1).ToListAsync(ct);
        var ids = rows.Select(r => (RechargeId?)r.Id).ToList();
        var deliveries = await db.WebhookMessages.AsNoTracking().Include(m => m.Attempts)
            .Where(m => ids.Contains(m.RechargeId)).OrderBy(m => m.Number).ToListAsync(ct);
        var entries = rows.Select(r => new RechargeLogEntry(r, deliveries.Where(d => d.RechargeId == r.Id).ToList())).ToList();
        return page.ToPage(entries, e => e.Recharge.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
