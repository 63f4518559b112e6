using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Engine.Telemetry;

/// <summary>
/// Counts ledger transactions when their database transaction commits, not when they are written: a use case can
/// still roll back after a transfer (a later step fails, a savepoint is undone, the commit itself fails). Kept per
/// DbContext, which is never used by two threads at once.
/// </summary>
internal static class LedgerCommits
{
    private static readonly ConditionalWeakTable<DbContext, List<TransactionType>> Pending = new();

    public static void Written(DbContext db, TransactionType type) => Pending.GetOrCreateValue(db).Add(type);

    /// <summary>How many are written so far: a savepoint's mark to roll back to.</summary>
    public static int Mark(DbContext db) => Pending.TryGetValue(db, out var written) ? written.Count : 0;

    public static void RolledBackTo(DbContext db, int mark)
    {
        if (Pending.TryGetValue(db, out var written) && written.Count > mark)
        {
            written.RemoveRange(mark, written.Count - mark);
        }
    }

    public static void Committed(DbContext db)
    {
        if (!Pending.TryGetValue(db, out var written))
        {
            return;
        }
        foreach (var type in written)
        {
            EngineTelemetry.LedgerTransactions.Add(1, new KeyValuePair<string, object?>("type", TransactionTypes.NameOf(type)));
        }
        written.Clear();
    }
}
