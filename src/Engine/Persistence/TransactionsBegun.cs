using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// Remembers which DbContexts ever began (or were handed) a transaction, so that "does the caller hold a transaction?"
/// costs nothing for a context that never did. Asking EF itself (<c>Database.CurrentTransaction</c>) sets up the
/// context's internal services, which on the usage hot path cost more than the debit: every request's context was set
/// up only to be asked. A context seen here is still asked EF's exact question.
/// </summary>
internal sealed class TransactionsBegun : DbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Begun = new();
    private static readonly object Mark = new();

    /// <summary>The transaction <paramref name="db"/> holds now, if any.</summary>
    public static bool Holds(DbContext db) => Begun.TryGetValue(db, out _) && db.Database.CurrentTransaction is not null;

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result) =>
        Seen(eventData.Context, result);

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Seen(eventData.Context, result));

    public override DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result) =>
        Seen(eventData.Context, result);

    public override ValueTask<DbTransaction> TransactionUsedAsync(
        DbConnection connection, TransactionEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Seen(eventData.Context, result));

    private static DbTransaction Seen(DbContext? db, DbTransaction transaction)
    {
        if (db is not null) Begun.AddOrUpdate(db, Mark);
        return transaction;
    }
}
