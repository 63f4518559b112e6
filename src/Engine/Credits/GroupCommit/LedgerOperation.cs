using Microsoft.EntityFrameworkCore.Storage;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// One caller's work in a group commit: it runs inside the batch's transaction under a savepoint of its own, and its
/// caller is answered only after the batch commits (or told to retry when the commit fails).
/// </summary>
internal abstract class LedgerOperation(int weight, IReadOnlyCollection<SubAccountId> subAccounts)
{
    private const string Savepoint = "ledger_op";

    /// <summary>How much of a batch this takes: a usage batch of 500 events weighs 500.</summary>
    public int Weight { get; } = Math.Max(1, weight);

    /// <summary>The sub-accounts whose rows it will lock: the batch locks them all first, in one order (see LedgerBatch).</summary>
    public IReadOnlyCollection<SubAccountId> SubAccounts { get; } = subAccounts;

    public async Task ExecuteAsync(IServiceProvider services, EngineDbContext db, IDbContextTransaction transaction, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await transaction.CreateSavepointAsync(Savepoint, ct);
            var written = LedgerCommits.Mark(db);
            try
            {
                await RunAsync(services, ct);
                await transaction.ReleaseSavepointAsync(Savepoint, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, ct);
                LedgerCommits.RolledBackTo(db, written);
                db.ChangeTracker.Clear();
                // A twin with the same key on another node committed first: run once more, the lookups now see it. Or the
                // database broke a lock cycle by aborting this operation's statement: its locks are released; run again.
                if (attempt == 0 && (DbErrors.IsUniqueViolation(e) || DbErrors.IsDeadlock(e)))
                {
                    continue;
                }
                Failed(e);
                return;
            }
        }
    }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>The operation's own failure (a bug, or a constraint it broke): only it is affected.</summary>
    protected abstract void Failed(Exception exception);

    /// <summary>After the commit: hands the caller its result.</summary>
    public abstract void Answer();

    /// <summary>The batch did not commit: nothing of this operation was applied.</summary>
    public abstract void Abandon(Exception exception);
}

internal class LedgerOperation<T>(int weight, IReadOnlyCollection<SubAccountId> subAccounts, Func<IServiceProvider, CancellationToken, Task<T>> work)
    : LedgerOperation(weight, subAccounts)
{
    private readonly TaskCompletionSource<T> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;
    private Exception? failure;

    public Task<T> Task => answer.Task;

    /// <summary>Runs the work at once, in the caller's own transaction (see <see cref="LedgerQueue.RunAsync{T}(EngineDbContext, IServiceProvider, LedgerOperation{T}, CancellationToken)"/>).</summary>
    public Task<T> RunInlineAsync(IServiceProvider services, CancellationToken ct) => work(services, ct);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        failure = null;
        result = await work(services, ct);
    }

    protected override void Failed(Exception exception) => failure = exception;

    /// <summary>Its result was decided with others' (a set-wise group): it is answered with the batch, and not run.</summary>
    protected void Settle(T value)
    {
        failure = null;
        result = value;
    }

    public override void Answer()
    {
        if (failure is null) answer.TrySetResult(result!);
        else answer.TrySetException(failure);
    }

    public override void Abandon(Exception exception) => answer.TrySetException(exception);
}
