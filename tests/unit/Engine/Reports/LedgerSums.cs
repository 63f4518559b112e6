using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.Reports;

namespace ResellerKit.Tests.Unit.Engine.Reports;

/// <summary>
/// The dashboards' figures worked out the slow, obvious way, from the ledger's own rows (and the purchase and recharge
/// rows for money), sharing no code with <see cref="DashboardQueries"/>: weeks come from <see cref="ISOWeek"/>.
/// </summary>
public sealed class LedgerSums
{
    private LedgerSums(List<Row> rows, List<Sale> sales, Dictionary<SubAccountId, long> walletBalances)
    {
        Rows = rows;
        Sales = sales;
        WalletBalances = walletBalances;
    }

    public sealed record Row(long Sequence, DateOnly Day, SubAccountId? SubAccountId, TransactionType Type, string? CampaignId, long Credits);

    /// <summary>Money taken: a fulfilled checkout (less what was refunded) or a granted Stripe auto-recharge.</summary>
    public sealed record Sale(DateOnly Day, SubAccountId SubAccountId, string Currency, long Amount, long PlatformFee);

    public List<Row> Rows { get; }

    public List<Sale> Sales { get; }

    /// <summary>Each sub-account's own wallet, summed from its ledger entries (not the cached balance).</summary>
    public Dictionary<SubAccountId, long> WalletBalances { get; }

    public static async Task<LedgerSums> ReadAsync(EngineDbContext db, AgencyId agencyId)
    {
        var rows = (await db.LedgerTransactions.AsNoTracking().Where(t => t.AgencyId == agencyId)
                .Select(t => new { t.Sequence, t.CreatedAt, t.SubAccountId, t.Type, t.CampaignId, t.Credits }).ToListAsync(Ct))
            .Select(t => new Row(t.Sequence, DateOnly.FromDateTime(t.CreatedAt.UtcDateTime), t.SubAccountId, t.Type, t.CampaignId, t.Credits)).ToList();
        var purchases = await db.Purchases.AsNoTracking().Where(p => p.AgencyId == agencyId && p.FulfilledAt != null)
            .Select(p => new { p.FulfilledAt, p.SubAccountId, p.Currency, p.Amount, p.AmountRefunded, p.PlatformFee }).ToListAsync(Ct);
        var recharges = await db.Recharges.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.Provider == RechargeProvider.Stripe && r.State == RechargeState.Granted)
            .Select(r => new { r.GrantedAt, r.SubAccountId, r.Currency, r.Amount, r.PlatformFee }).ToListAsync(Ct);
        var sales = purchases.Select(p => new Sale(Day(p.FulfilledAt!.Value), p.SubAccountId, p.Currency, p.Amount - p.AmountRefunded, p.PlatformFee))
            .Concat(recharges.Select(r => new Sale(Day(r.GrantedAt!.Value), r.SubAccountId, r.Currency!, r.Amount!.Value, r.PlatformFee ?? 0)))
            .ToList();
        var balances = await db.SubAccounts.AsNoTracking().Where(s => s.AgencyId == agencyId)
            .Select(s => new { s.Id, Balance = db.LedgerEntries.Where(e => e.WalletId == s.WalletId).Sum(e => (long?)e.Amount) ?? 0 })
            .ToDictionaryAsync(s => s.Id, s => s.Balance, Ct);
        return new LedgerSums(rows, sales, balances);
    }

    public IEnumerable<Row> In(ReportPeriod period, SubAccountId? subAccountId = null) =>
        Rows.Where(r => r.Day >= period.From && r.Day <= period.To && (subAccountId is null || r.SubAccountId == subAccountId));

    public long Used(ReportPeriod period, SubAccountId? subAccountId = null) =>
        -In(period, subAccountId).Where(r => r.Type == TransactionType.Usage).Sum(r => r.Credits);

    public long Bought(ReportPeriod period, SubAccountId subAccountId) =>
        In(period, subAccountId).Where(r => r.Type is TransactionType.Purchase or TransactionType.Recharge).Sum(r => r.Credits);

    /// <summary>Usage per bucket, only the buckets that have any.</summary>
    public Dictionary<DateOnly, long> Series(ReportPeriod period, SubAccountId? subAccountId = null) =>
        In(period, subAccountId).Where(r => r.Type == TransactionType.Usage)
            .GroupBy(r => BucketOf(period.Granularity, r.Day)).ToDictionary(g => g.Key, g => -g.Sum(r => r.Credits));

    public Dictionary<SubAccountId, long> UsageBySubAccount(ReportPeriod period) =>
        In(period).Where(r => r.Type == TransactionType.Usage && r.SubAccountId is not null)
            .GroupBy(r => r.SubAccountId!.Value).ToDictionary(g => g.Key, g => -g.Sum(r => r.Credits));

    public Dictionary<string, long> UsageByCampaign(ReportPeriod period, SubAccountId subAccountId) =>
        In(period, subAccountId).Where(r => r.Type == TransactionType.Usage)
            .GroupBy(r => r.CampaignId ?? "(none)").ToDictionary(g => g.Key, g => -g.Sum(r => r.Credits));

    public List<Revenue> Revenue(ReportPeriod period, SubAccountId? subAccountId = null) =>
        Sales.Where(s => s.Day >= period.From && s.Day <= period.To && (subAccountId is null || s.SubAccountId == subAccountId))
            .GroupBy(s => s.Currency).OrderBy(g => g.Key)
            .Select(g => new Revenue(g.Key, g.Sum(s => s.Amount), g.Sum(s => s.PlatformFee), g.Count())).ToList();

    public static DateOnly BucketOf(Granularity granularity, DateOnly day)
    {
        var at = day.ToDateTime(TimeOnly.MinValue);
        return granularity switch
        {
            Granularity.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(at), ISOWeek.GetWeekOfYear(at), DayOfWeek.Monday)),
            Granularity.Month => new DateOnly(day.Year, day.Month, 1),
            _ => day,
        };
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
