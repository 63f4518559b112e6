using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// Tells the rest of the node about what a SaveChanges wrote, once it is committed: right after SaveChanges when no
/// transaction is open, else when the transaction commits (a rollback forgets it). What is collected is kept per
/// DbContext, which is never used by two threads at once. <see cref="Collect"/> may also add to what is being saved.
/// </summary>
internal abstract class CommitAnnouncer<T> : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> states = new();

    private sealed class Pending
    {
        public List<T> Saving { get; } = [];
        public List<T> AwaitingCommit { get; } = [];
    }

    /// <summary>What this SaveChanges writes that is worth announcing (called before it is written).</summary>
    protected abstract ValueTask<IReadOnlyCollection<T>> Collect(DbContext db, bool async, CancellationToken ct);

    /// <summary>Called once the items are committed.</summary>
    protected abstract void Announce(IReadOnlyList<T> committed);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context, eventData.Context is { } db ? Collect(db, async: false, CancellationToken.None).GetAwaiter().GetResult() : []);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Remember(eventData.Context, eventData.Context is { } db ? await Collect(db, async: true, ct) : []);
        return result;
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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AnnounceCommitted(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        AnnounceCommitted(eventData.Context);
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

    private void Remember(DbContext? db, IReadOnlyCollection<T> collected)
    {
        if (db is null || (collected.Count == 0 && !states.TryGetValue(db, out _)))
        {
            return;
        }
        var state = states.GetOrCreateValue(db);
        state.Saving.Clear();
        state.Saving.AddRange(collected);
    }

    private void Saved(DbContext? db)
    {
        if (db is null || !states.TryGetValue(db, out var state) || state.Saving.Count == 0)
        {
            return;
        }
        state.AwaitingCommit.AddRange(state.Saving);
        state.Saving.Clear();
        if (db.Database.CurrentTransaction is null)
        {
            AnnounceCommitted(db); // SaveChanges committed its own transaction.
        }
    }

    private void AnnounceCommitted(DbContext? db)
    {
        if (db is null || !states.TryGetValue(db, out var state) || state.AwaitingCommit.Count == 0)
        {
            return;
        }
        var committed = state.AwaitingCommit.ToList();
        state.AwaitingCommit.Clear();
        Announce(committed);
    }

    private void Forget(DbContext? db, bool saving)
    {
        if (db is not null && states.TryGetValue(db, out var state))
        {
            (saving ? state.Saving : state.AwaitingCommit).Clear();
        }
    }
}
