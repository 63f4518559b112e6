using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Reports;

/// <summary>
/// Folds new ledger transactions into the daily rollups, a batch at a time. The watermark only moves by a
/// compare-and-set, so two nodes never count a batch twice, and it stays <see cref="Lag"/> behind the present:
/// on PostgreSQL a transaction can commit after one with a higher sequence, and the lag lets it land first.
/// Dashboards add the ledger rows past the watermark themselves, so they are never stale.
/// </summary>
public sealed class LedgerRollup(EngineDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lag = TimeSpan.FromSeconds(60);
    public const int BatchSize = 20_000;

    /// <summary>Rolls up one batch. Returns how many transactions it counted (0 when there is nothing new).</summary>
    /// <remarks>
    /// Ledger rows are never changed once written, so they are read before the write transaction opens: the writers
    /// (and on SQLite the one write lock) wait only for the rollup's own small writes, never for its reads, and a node
    /// with nothing old enough to count does not take the write lock at all.
    /// </remarks>
    public async Task<int> RunBatchAsync(CancellationToken ct, TimeSpan? lag = null)
    {
        var from = await db.RollupWatermarks.AsNoTracking().Where(w => w.Name == RollupWatermark.Ledger)
            .Select(w => (long?)w.LastSequence).SingleOrDefaultAsync(ct);
        if (from is null)
        {
            await db.InTransactionAsync<int>(async token =>
            {
                if (!await db.RollupWatermarks.AnyAsync(w => w.Name == RollupWatermark.Ledger, token))
                {
                    db.RollupWatermarks.Add(RollupWatermark.Start());
                    await db.SaveChangesAsync(token);
                }
                return 0;
            }, ct);
            from = RollupWatermark.Start().LastSequence;
        }
        var cutoff = clock.GetUtcNow() - (lag ?? Lag);
        var after = from.Value;
        var first = await db.LedgerTransactions.AsNoTracking().Where(t => t.Sequence > after).OrderBy(t => t.Sequence)
            .Select(t => new { t.CreatedAt }).FirstOrDefaultAsync(ct);
        if (first is null || first.CreatedAt > cutoff)
        {
            return 0;
        }
        // The batch ends before the first transaction that is not old enough yet, even when later ones are: the
        // watermark must never pass a row it has not counted (a node whose clock runs ahead writes such rows).
        var rows = (await db.LedgerTransactions.AsNoTracking()
            .Where(t => t.Sequence > after)
            .OrderBy(t => t.Sequence).Take(BatchSize)
            .Select(t => new { t.Sequence, t.AgencyId, t.SubAccountId, t.CreatedAt, t.Type, t.CampaignId, t.Credits })
            .ToListAsync(ct)).TakeWhile(t => t.CreatedAt <= cutoff).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }
        var sums = rows.GroupBy(r => new RollupKey(r.AgencyId, r.SubAccountId, RollupKey.DayOf(r.CreatedAt), r.Type, r.CampaignId))
            .ToDictionary(g => g.Key, g => (Credits: g.Sum(r => r.Credits), Count: g.Count()));
        var agencies = sums.Keys.Select(k => k.AgencyId).Distinct().ToList();
        var days = sums.Keys.Select(k => k.Day).Distinct().ToList();
        var to = rows[^1].Sequence;

        var result = await db.InTransactionAsync<int>(async token =>
        {
            // The watermark moves only by a compare-and-set: another node that counted this batch meanwhile wins.
            var moved = await db.RollupWatermarks.Where(w => w.Name == RollupWatermark.Ledger && w.LastSequence == after)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.LastSequence, to), token);
            if (moved == 0)
            {
                return new Common.Conflict("Another node rolled up this batch."); // Roll back; nothing counted twice.
            }
            var existing = (await db.UsageRollups.Where(r => agencies.Contains(r.AgencyId) && days.Contains(r.Day)).ToListAsync(token))
                .ToDictionary(r => r.Key);
            foreach (var (key, sum) in sums)
            {
                if (!existing.TryGetValue(key, out var rollup))
                {
                    rollup = UsageRollup.Create(key);
                    db.UsageRollups.Add(rollup);
                }
                rollup.Add(sum.Credits, sum.Count);
            }
            await db.SaveChangesAsync(token);
            return rows.Count;
        }, ct);
        return result.IsSuccess ? result.Value : 0;
    }

    /// <summary>Rolls up until caught up (tests and benchmarks call this; the job calls one batch at a time).</summary>
    public async Task RunUntilCaughtUpAsync(CancellationToken ct, TimeSpan? lag = null)
    {
        while (await RunBatchAsync(ct, lag) > 0)
        {
        }
    }

    public Task<long> WatermarkAsync(CancellationToken ct) =>
        db.RollupWatermarks.Where(w => w.Name == RollupWatermark.Ledger).Select(w => w.LastSequence).SingleOrDefaultAsync(ct);
}
