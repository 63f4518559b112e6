using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>
/// The lock order of every transaction that writes both a sub-account's row and its wallets: the row first, then
/// the wallets. A debit takes them in that order (its cap check is the row's UPDATE), so a grant, fulfilment,
/// refund or recharge that would update the row only after moving credits must take the row's lock up front, or the
/// two deadlock on PostgreSQL. A no-op UPDATE takes the lock and holds it to the end of the open transaction.
/// </summary>
public static class SubAccountLock
{
    public static Task TakeAsync(EngineDbContext db, SubAccountId id, CancellationToken ct) =>
        db.SubAccounts.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.DebtCredits, s => s.DebtCredits), ct);

    /// <summary>
    /// Locks many rows in one order, so that two transactions locking overlapping sets never wait on each other in a
    /// cycle (the ledger writer's batches, on several nodes). On PostgreSQL it is one statement per hundred rows
    /// (<c>SELECT … ORDER BY id FOR NO KEY UPDATE</c>, the lock an UPDATE of the row takes), in the server's order of
    /// ids; elsewhere one row at a time, in id order.
    /// </summary>
    internal static async Task TakeAllAsync(EngineDbContext db, IEnumerable<SubAccountId> ids, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            foreach (var id in ids.Distinct().OrderBy(id => id.Value)) await TakeAsync(db, id, ct);
            return;
        }
        using var sql = new RawSql(db);
        await sql.ReadAllAsync(Taking(sql, ids), ct);
    }

    /// <summary>
    /// On PostgreSQL, the statements of <see cref="TakeAllAsync"/>, for a caller that sends them first among its own
    /// reads (each statement of a batch starts when the one before it is done, so the reads after see the locked rows
    /// as they are); elsewhere none.
    /// </summary>
    internal static IReadOnlyList<RawRead> Taking(RawSql sql, IEnumerable<SubAccountId> ids)
    {
        if (!sql.IsPostgres) return [];
        // PostgreSQL orders uuids by their bytes, which is the order of their hex strings.
        return ids.Distinct().OrderBy(id => id.Value.ToString("N"), StringComparer.Ordinal).Chunk(100)
            .Select(chunk => new RawRead(sql.LockInOrder<SubAccount>("Id", chunk.Cast<object>()), _ => { })).ToList();
    }
}
