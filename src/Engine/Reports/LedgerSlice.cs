using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Reports;

/// <summary>
/// An agency's (or one sub-account's) ledger movements in a period, as of one watermark: the daily rollups (which
/// count every transaction up to it), summed in the database, plus the ledger rows past it. So a figure stays exact
/// and current while the database reads at most one row per day, sub-account, type and campaign.
/// </summary>
internal sealed class LedgerSlice
{
    private readonly IQueryable<UsageRollup> rolled;
    private readonly List<Movement> tail;

    private LedgerSlice(IQueryable<UsageRollup> rolled, List<Movement> tail)
    {
        this.rolled = rolled;
        this.tail = tail;
    }

    public sealed record Movement(int Day, SubAccountId? SubAccountId, TransactionType Type, string? CampaignId, long Credits);

    public static async Task<LedgerSlice> ReadAsync(
        EngineDbContext db, AgencyId agencyId, SubAccountId? subAccountId, ReportPeriod period, long watermark, CancellationToken ct)
    {
        var (fromDay, toDay) = (period.FromDay, period.ToDay);
        var (from, to) = period.Instants();
        var rolled = db.UsageRollups.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Day >= fromDay && r.Day <= toDay);
        var live = db.LedgerTransactions.AsNoTracking()
            .Where(t => t.AgencyId == agencyId && t.Sequence > watermark && t.CreatedAt >= from && t.CreatedAt < to);
        if (subAccountId is { } s)
        {
            rolled = rolled.Where(r => r.SubAccountId == s);
            live = live.Where(t => t.SubAccountId == s);
        }
        var tail = await live.Select(t => new { t.CreatedAt, t.SubAccountId, t.Type, t.CampaignId, t.Credits }).ToListAsync(ct);
        return new LedgerSlice(rolled, tail.Select(t => new Movement(RollupKey.DayOf(t.CreatedAt), t.SubAccountId, t.Type, t.CampaignId, t.Credits)).ToList());
    }

    /// <summary>The credits of one or two transaction types summed per key, signed as on the ledger (usage is negative).</summary>
    public async Task<List<(TKey Key, long Credits)>> SumAsync<TKey>(
        TransactionType[] types, Expression<Func<UsageRollup, TKey>> rolledKey, Func<Movement, TKey> tailKey, CancellationToken ct)
    {
        var query = types.Length switch
        {
            1 => rolled.Where(r => r.Type == types[0]),
            2 => rolled.Where(r => r.Type == types[0] || r.Type == types[1]),
            _ => throw new ArgumentOutOfRangeException(nameof(types), "One or two types."),
        };
        var sums = (await query.GroupBy(rolledKey).Select(g => new { g.Key, Credits = g.Sum(r => r.Credits) }).ToListAsync(ct))
            .Select(g => (g.Key, g.Credits));
        var live = tail.Where(m => types.Contains(m.Type)).Select(m => (Key: tailKey(m), m.Credits));
        return sums.Concat(live).GroupBy(s => s.Key).Select(g => (g.Key, g.Sum(s => s.Credits))).ToList();
    }
}
