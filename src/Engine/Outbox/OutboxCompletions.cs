using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Marks delivered outbox rows complete in batches: one UPDATE for every delivery that finished while the previous one
/// ran, instead of a write per message. Only rows still leased to this node are marked. A mark that never lands (a
/// crash, a failed UPDATE) leaves the row leased until its lease ends; it is then delivered again with the same
/// message id, which its receiver drops as a duplicate.
/// </summary>
internal sealed class OutboxCompletions(
    IServiceScopeFactory scopes, string owner, TimeProvider clock, ILogger logger, Action<IReadOnlyList<long>> marked)
{
    private const int MaxBatch = 500;

    private readonly Channel<long> delivered = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock urgentGate = new();
    private readonly List<(long Id, TaskCompletionSource Written)> urgent = [];
    private bool urgentWriting;

    public void Add(long id) => delivered.Writer.TryWrite(id);

    /// <summary>Marks until <paramref name="ct"/> stops the node, then marks what is left, once.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (await delivered.Reader.WaitToReadAsync(ct))
            {
                await MarkWaitingAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await MarkWaitingAsync(CancellationToken.None);
        }
    }

    /// <summary>Marks what finished after <see cref="RunAsync"/> ended (deliveries a stopping node waited for).</summary>
    public Task FlushAsync() => MarkWaitingAsync(CancellationToken.None);

    /// <summary>
    /// Marks one delivery at once, for a receiver that cannot drop a repeat by the message id (an email): a crash can then
    /// resend it only in the moment between sending and this write, not while it waits for a batch. Returns once the mark
    /// is written. Marks asked for while another is being written go together in the next UPDATE (a group commit): the
    /// first starts at once, so the window stays that of one write, and a burst of emails pays one write, not one each.
    /// </summary>
    public Task MarkNowAsync(long id)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (urgentGate)
        {
            urgent.Add((id, written));
            lead = !urgentWriting;
            urgentWriting = true;
        }
        if (lead)
        {
            _ = MarkUrgentAsync();
        }
        return written.Task;
    }

    /// <summary>Writes the waiting urgent marks, one UPDATE per group, until none waits.</summary>
    private async Task MarkUrgentAsync()
    {
        while (true)
        {
            List<(long Id, TaskCompletionSource Written)> group;
            lock (urgentGate)
            {
                if (urgent.Count == 0)
                {
                    urgentWriting = false;
                    return;
                }
                group = [.. urgent];
                urgent.Clear();
            }
            await MarkAsync(group.ConvertAll(g => g.Id), CancellationToken.None); // never throws: a failed mark is logged
            foreach (var (_, written) in group) written.TrySetResult();
        }
    }

    private async Task MarkWaitingAsync(CancellationToken ct)
    {
        var ids = new List<long>();
        while (ids.Count < MaxBatch && delivered.Reader.TryRead(out var id))
        {
            ids.Add(id);
        }
        if (ids.Count > 0)
        {
            await MarkAsync(ids, ct);
        }
    }

    private async Task MarkAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            var done = clock.GetUtcNow();
            // In a write transaction: on SQLite it waits for its turn at the write lock in this process rather than
            // polling for it in SQLite's busy handler (see WriteTransaction).
            await db.InTransactionAsync<int>(async token => await db.OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner && m.CompletedAt == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.CompletedAt, done).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.Payload, m => m.Sensitive ? OutboxMessage.Redacted : m.Payload), token), ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Marking {Count} delivered outbox messages complete failed; they are delivered again when their leases end", ids.Count);
        }
        finally
        {
            marked(ids);
        }
    }
}
