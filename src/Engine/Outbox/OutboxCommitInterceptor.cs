using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Announces outbox rows to <see cref="OutboxSignal"/> once they are committed: after SaveChanges when no transaction
/// is open, else when the transaction commits (a rollback forgets them). A row announced and then undone by a savepoint
/// is harmless: the worker's claim finds nothing. Kept per DbContext, which is never used by two threads at once.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, Pending> States = new();

    private sealed class Pending
    {
        public List<OutboxMessage> Saving { get; } = [];
        public List<OutboxMessage> AwaitingCommit { get; } = [];
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, saving: true);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context, saving: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Announce(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Announce(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, saving: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context, saving: false);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context, saving: false);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context, saving: false);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        var added = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0 || States.TryGetValue(db, out _))
        {
            var state = States.GetOrCreateValue(db);
            state.Saving.Clear();
            state.Saving.AddRange(added);
        }
    }

    private void Saved(DbContext? db)
    {
        if (db is null || !States.TryGetValue(db, out var state) || state.Saving.Count == 0)
        {
            return;
        }
        state.AwaitingCommit.AddRange(state.Saving);
        state.Saving.Clear();
        if (db.Database.CurrentTransaction is null)
        {
            Announce(db); // SaveChanges committed its own transaction.
        }
    }

    private void Announce(DbContext? db)
    {
        if (db is null || !States.TryGetValue(db, out var state))
        {
            return;
        }
        foreach (var message in state.AwaitingCommit)
        {
            signal.Committed(message.Id, message.Topic);
        }
        state.AwaitingCommit.Clear();
    }

    private static void Forget(DbContext? db, bool saving)
    {
        if (db is not null && States.TryGetValue(db, out var state))
        {
            (saving ? state.Saving : state.AwaitingCommit).Clear();
        }
    }
}
