using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// Applies one group of operations in one database transaction, each under its own savepoint (so one failure never
/// touches the others), commits once, and only then answers every caller. If anything fails outside an operation
/// (the commit itself, the connection), the transaction rolls back and every caller is told to retry: none of the
/// batch was applied.
/// </summary>
internal sealed class LedgerBatch(IServiceScopeFactory scopes, LedgerQueueOptions options, ILogger logger) : IDisposable
{
    private readonly WriterConnection connection = new();

    public async Task RunAsync(IReadOnlyList<LedgerOperation> operations, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ScopeDbContext>().OwnConnection = true; // the writer's connection is lent to it
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            await connection.LendAsync(db, ct);
            db.Database.AutoSavepointsEnabled = false; // each operation has a savepoint already
            await using var transaction = await WriteTransaction.BeginAsync(db, $"A ledger batch of {operations.Count} operation(s)", ct);
            // On a shared server the batch holds its rows until it commits. Taking every sub-account row first, in one
            // order, keeps it to the order every other writer follows (the row, then wallets: SubAccountLock), so a
            // grant or a payment on another connection never closes a lock cycle with it.
            var subAccounts = db.Database.IsSqlite() ? [] : operations.SelectMany(o => o.SubAccounts).ToList();
            // Single usage debits waiting together are decided and written set-wise (the locks taken with its first
            // reads); what that leaves runs one by one.
            var debits = operations.OfType<IUsageOperation>().ToList();
            if (debits.Count > 1)
            {
                await UsageGroup.ApplyAsync(scope.ServiceProvider, debits, subAccounts, ct);
            }
            else
            {
                await SubAccounts.SubAccountLock.TakeAllAsync(db, subAccounts, ct);
            }
            // So are the usage batch requests waiting together (UsageBatches).
            var usageBatches = operations.OfType<UsageBatchOperation>().ToList();
            if (usageBatches.Count > 1)
            {
                await UsageBatches.ApplyAsync(scope.ServiceProvider, usageBatches, ct);
            }
            foreach (var operation in operations)
            {
                if (operation is IUsageOperation { Settled: true } or UsageBatchOperation { Settled: true }) continue;
                await operation.ExecuteAsync(scope.ServiceProvider, db, db.Database.CurrentTransaction!, ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A ledger batch of {Count} operations failed; none of it was applied and every caller was told to retry", operations.Count);
            var busy = new LedgerBusyException("The ledger could not record this just now, and nothing of it was applied. Retry shortly.", options.RetryAfter, e);
            foreach (var operation in operations) operation.Abandon(busy);
            connection.Dispose();
            return;
        }
        foreach (var operation in operations) operation.Answer();
    }

    public void Dispose() => connection.Dispose();
}
