using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// The node's one door for money operations (group commit). Callers put their work in a bounded queue; one writer
/// takes whatever is waiting, up to <see cref="LedgerQueueOptions.BatchSize"/>, and applies it in one database
/// transaction (<see cref="LedgerBatch"/>): one commit, one fsync, for many debits. It never waits for a batch to
/// fill: when the queue is empty it writes what it has. A full queue refuses at once (<see cref="LedgerBusyException"/>).
/// On PostgreSQL and SQL Server every node has its own writer, and row locks decide between nodes.
/// </summary>
public sealed class LedgerQueue : IAsyncDisposable, IDisposable
{
    private readonly Channel<LedgerOperation> channel;
    private readonly LedgerBatch batches;
    private readonly LedgerQueueOptions options;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock start = new();
    private Task? writer;

    public LedgerQueue(IServiceScopeFactory scopes, IOptions<LedgerQueueOptions> options, ILogger<LedgerQueue> logger)
    {
        this.options = options.Value;
        channel = Channel.CreateBounded<LedgerOperation>(new BoundedChannelOptions(Math.Max(1, this.options.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        batches = new LedgerBatch(scopes, this.options, logger);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (which touches <paramref name="subAccounts"/>) in the next batch, with services (and a DbContext) of the writer's scope, and returns
    /// its result once that batch committed. A caller that already holds a database transaction on
    /// <paramref name="callerDb"/> (null when the caller's scope built none) runs it inline instead, in that transaction: the writer could not get the database
    /// while the caller holds it.
    /// </summary>
    public Task<T> RunAsync<T>(
        EngineDbContext? callerDb, IServiceProvider callerServices, IReadOnlyCollection<SubAccountId> subAccounts,
        Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        return RunAsync(callerDb, callerServices, new LedgerOperation<T>(subAccounts.Count, subAccounts, work), ct);
    }

    /// <summary>The same for an operation built by the caller (a usage debit the batch may apply set-wise with others).</summary>
    internal Task<T> RunAsync<T>(EngineDbContext? callerDb, IServiceProvider callerServices, LedgerOperation<T> operation, CancellationToken ct)
    {
        if (callerDb is not null && TransactionsBegun.Holds(callerDb))
        {
            return operation.RunInlineAsync(callerServices, ct);
        }
        EnsureStarted();
        if (!channel.Writer.TryWrite(operation))
        {
            throw new LedgerBusyException("The ledger is taking more operations than it can write right now. Retry shortly.", options.RetryAfter);
        }
        return operation.Task;
    }

    private void EnsureStarted()
    {
        if (writer is not null) return;
        lock (start)
        {
            writer ??= Task.Run(WriteAsync);
        }
    }

    private async Task WriteAsync()
    {
        var reader = channel.Reader;
        var batch = new List<LedgerOperation>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var weight = 0;
            while (weight < options.BatchSize && reader.TryRead(out var operation))
            {
                batch.Add(operation);
                weight += operation.Weight;
            }
            await batches.RunAsync(batch, stopping.Token);
            batch.Clear();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Stops taking work, lets the writer finish what is queued, then stops it.</summary>
    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        if (writer is not null)
        {
            await writer.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
        }
    }
}
