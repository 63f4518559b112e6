using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.Reports;

/// <summary>
/// Money taken for credits in a period, per currency: fulfilled checkouts and granted Stripe auto-recharges (each less
/// what was refunded or lost in a dispute), with the platform's fee out of each. Summed in the database.
/// </summary>
internal static class SalesQuery
{
    public static async Task<List<Revenue>> RevenueAsync(EngineDbContext db, AgencyId agencyId, SubAccountId? subAccountId, ReportPeriod period, CancellationToken ct)
    {
        var (from, to) = period.Instants();
        var purchases = db.Purchases.AsNoTracking().Where(p => p.AgencyId == agencyId && p.FulfilledAt >= from && p.FulfilledAt < to);
        var recharges = db.Recharges.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Provider == RechargeProvider.Stripe
            && r.State == RechargeState.Granted && r.Amount != null && r.GrantedAt >= from && r.GrantedAt < to);
        if (subAccountId is { } s)
        {
            purchases = purchases.Where(p => p.SubAccountId == s);
            recharges = recharges.Where(r => r.SubAccountId == s);
        }
        var checkouts = await purchases.GroupBy(p => p.Currency)
            .Select(g => new Revenue(g.Key, g.Sum(p => p.Amount - p.AmountRefunded), g.Sum(p => p.PlatformFee), g.Count())).ToListAsync(ct);
        var automatic = await recharges.GroupBy(r => r.Currency!)
            .Select(g => new Revenue(g.Key, g.Sum(r => (r.Amount ?? 0) - r.AmountReversed), g.Sum(r => r.PlatformFee ?? 0), g.Count())).ToListAsync(ct);
        return checkouts.Concat(automatic).GroupBy(r => r.Currency)
            .Select(g => new Revenue(g.Key, g.Sum(r => r.Amount), g.Sum(r => r.PlatformFee), g.Sum(r => r.Purchases)))
            .OrderBy(r => r.Currency).ToList();
    }
}
