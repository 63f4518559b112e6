using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Reports;

/// <summary>
/// The dashboards' figures: the daily rollups up to the watermark plus the ledger rows past it (<see cref="LedgerSlice"/>),
/// so the numbers are exact and current while the query reads a few thousand rows at most.
/// </summary>
public sealed class DashboardQueries(EngineDbContext db)
{
    private static readonly TransactionType[] Usage = [TransactionType.Usage];
    private static readonly TransactionType[] Bought = [TransactionType.Purchase, TransactionType.Recharge];

    public async Task<AgencyDashboard> AgencyAsync(AgencyId agencyId, ReportPeriod period, CancellationToken ct)
    {
        var (byDay, bySubAccount) = await AsOfOneWatermarkAsync(async watermark =>
        {
            var slice = await LedgerSlice.ReadAsync(db, agencyId, null, period, watermark, ct);
            return (await slice.SumAsync(Usage, r => r.Day, m => m.Day, ct),
                await slice.SumAsync(Usage, r => r.SubAccountId, m => m.SubAccountId, ct));
        }, ct);
        var names = await db.SubAccounts.AsNoTracking().Where(s => s.AgencyId == agencyId).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var ranking = bySubAccount.Where(s => s.Key is not null && s.Credits != 0)
            .Select(s => new SubAccountUsage(s.Key!.Value, names.GetValueOrDefault(s.Key.Value, "(removed)"), -s.Credits))
            .OrderByDescending(s => s.Credits).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new AgencyDashboard(-byDay.Sum(d => d.Credits), Series(byDay, period), ranking,
            await SalesQuery.RevenueAsync(db, agencyId, null, period, ct));
    }

    public async Task<SubAccountReport> SubAccountAsync(AgencyId agencyId, SubAccountId subAccountId, ReportPeriod period, CancellationToken ct)
    {
        var (byDay, byCampaign, bought) = await AsOfOneWatermarkAsync(async watermark =>
        {
            var slice = await LedgerSlice.ReadAsync(db, agencyId, subAccountId, period, watermark, ct);
            return (await slice.SumAsync(Usage, r => r.Day, m => m.Day, ct),
                await slice.SumAsync(Usage, r => r.CampaignId, m => m.CampaignId, ct),
                await slice.SumAsync(Bought, r => r.SubAccountId, m => m.SubAccountId, ct));
        }, ct);
        var walletId = await db.SubAccounts.Where(s => s.Id == subAccountId && s.AgencyId == agencyId).Select(s => s.WalletId).SingleAsync(ct);
        var remaining = await db.Wallets.Where(w => w.Id == walletId).Select(w => w.Balance).SingleAsync(ct);
        var campaigns = byCampaign.Where(c => c.Credits != 0).Select(c => new CampaignUsage(c.Key ?? "(none)", -c.Credits))
            .OrderByDescending(c => c.Credits).ThenBy(c => c.Campaign, StringComparer.Ordinal).ToList();
        return new SubAccountReport(bought.Sum(b => b.Credits), await SalesQuery.RevenueAsync(db, agencyId, subAccountId, period, ct),
            -byDay.Sum(d => d.Credits), remaining, Series(byDay, period), campaigns);
    }

    // The rollups and the watermark change together, in one transaction of the rollup job. Reading the watermark before
    // and after the rollups and finding it unmoved proves no batch landed in between, so nothing is counted twice or lost.
    private async Task<T> AsOfOneWatermarkAsync<T>(Func<long, Task<T>> read, CancellationToken ct)
    {
        while (true)
        {
            var before = await WatermarkAsync(ct);
            var figures = await read(before);
            if (await WatermarkAsync(ct) == before)
            {
                return figures;
            }
        }
    }

    private Task<long> WatermarkAsync(CancellationToken ct) =>
        db.RollupWatermarks.Where(w => w.Name == RollupWatermark.Ledger).Select(w => w.LastSequence).SingleOrDefaultAsync(ct);

    private static List<UsagePoint> Series(List<(int Day, long Credits)> usage, ReportPeriod period)
    {
        var byBucket = usage.GroupBy(u => ReportPeriod.BucketOf(period.Granularity, RollupKey.DateOf(u.Day)))
            .ToDictionary(g => g.Key, g => -g.Sum(u => u.Credits));
        return period.Buckets().Select(b => new UsagePoint(b, byBucket.GetValueOrDefault(b))).ToList();
    }
}
