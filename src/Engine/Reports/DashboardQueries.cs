using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;

namespace ResellerKit.Engine.Reports;

/// <summary>
/// The dashboards' figures: the daily rollups up to the watermark, plus the ledger rows past it, so the numbers are
/// exact and current while the query reads a few thousand rows at most.
/// </summary>
public sealed class DashboardQueries(EngineDbContext db)
{
    public async Task<AgencyDashboard> AgencyAsync(AgencyId agencyId, ReportPeriod period, CancellationToken ct)
    {
        var usage = (await MovementsAsync(agencyId, null, period, ct)).Where(m => m.Type == TransactionType.Usage).ToList();
        var names = await db.SubAccounts.AsNoTracking().Where(s => s.AgencyId == agencyId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var ranking = usage.Where(m => m.SubAccountId is not null).GroupBy(m => m.SubAccountId!.Value)
            .Select(g => new SubAccountUsage(g.Key, names.GetValueOrDefault(g.Key, "(removed)"), -g.Sum(m => m.Credits)))
            .OrderByDescending(s => s.Credits).ToList();
        return new AgencyDashboard(-usage.Sum(m => m.Credits), Series(usage, period), ranking,
            await RevenueAsync(p => p.AgencyId == agencyId, period, ct));
    }

    public async Task<SubAccountReport> SubAccountAsync(AgencyId agencyId, SubAccountId subAccountId, ReportPeriod period, CancellationToken ct)
    {
        var movements = await MovementsAsync(agencyId, subAccountId, period, ct);
        var usage = movements.Where(m => m.Type == TransactionType.Usage).ToList();
        var walletId = await db.SubAccounts.Where(s => s.Id == subAccountId).Select(s => s.WalletId).SingleAsync(ct);
        var remaining = await db.Wallets.Where(w => w.Id == walletId).Select(w => w.Balance).SingleAsync(ct);
        var campaigns = usage.GroupBy(m => m.CampaignId ?? "(none)")
            .Select(g => new CampaignUsage(g.Key, -g.Sum(m => m.Credits))).OrderByDescending(c => c.Credits).ToList();
        return new SubAccountReport(
            movements.Where(m => m.Type == TransactionType.Purchase).Sum(m => m.Credits),
            await RevenueAsync(p => p.SubAccountId == subAccountId, period, ct),
            -usage.Sum(m => m.Credits), remaining, Series(usage, period), campaigns);
    }

    private static List<UsagePoint> Series(List<Movement> usage, ReportPeriod period)
    {
        var byBucket = usage.GroupBy(m => ReportPeriod.BucketOf(period.Granularity, RollupKey.DateOf(m.Day)))
            .ToDictionary(g => g.Key, g => -g.Sum(m => m.Credits));
        return period.Buckets().Select(b => new UsagePoint(b, byBucket.GetValueOrDefault(b))).ToList();
    }

    private async Task<List<Revenue>> RevenueAsync(System.Linq.Expressions.Expression<Func<Purchase, bool>> owner, ReportPeriod period, CancellationToken ct)
    {
        var from = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await db.Purchases.AsNoTracking().Where(owner)
            .Where(p => p.FulfilledAt >= from && p.FulfilledAt < to)
            .Select(p => new { p.Currency, p.Amount, p.AmountRefunded, p.PlatformFee }).ToListAsync(ct);
        return rows.GroupBy(r => r.Currency)
            .Select(g => new Revenue(g.Key, g.Sum(r => r.Amount - r.AmountRefunded), g.Sum(r => r.PlatformFee), g.Count()))
            .OrderBy(r => r.Currency).ToList();
    }

    private async Task<List<Movement>> MovementsAsync(AgencyId agencyId, SubAccountId? subAccountId, ReportPeriod period, CancellationToken ct)
    {
        var (fromDay, toDay) = (period.FromDay, period.ToDay);
        var rollups = db.UsageRollups.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Day >= fromDay && r.Day <= toDay);
        if (subAccountId is { } s) rollups = rollups.Where(r => r.SubAccountId == s);
        var counted = await rollups.Select(r => new Movement(r.Day, r.SubAccountId, r.Type, r.CampaignId, r.Credits)).ToListAsync(ct);

        var watermark = await db.RollupWatermarks.Where(w => w.Name == RollupWatermark.Ledger).Select(w => w.LastSequence).SingleOrDefaultAsync(ct);
        var from = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var tail = db.LedgerTransactions.AsNoTracking()
            .Where(t => t.AgencyId == agencyId && t.Sequence > watermark && t.CreatedAt >= from && t.CreatedAt < to);
        if (subAccountId is { } sub) tail = tail.Where(t => t.SubAccountId == sub);
        var live = await tail.Select(t => new { t.CreatedAt, t.SubAccountId, t.Type, t.CampaignId, t.Credits }).ToListAsync(ct);
        counted.AddRange(live.Select(t => new Movement(RollupKey.DayOf(t.CreatedAt), t.SubAccountId, t.Type, t.CampaignId, t.Credits)));
        return counted;
    }

    private sealed record Movement(int Day, SubAccountId? SubAccountId, TransactionType Type, string? CampaignId, long Credits);
}
