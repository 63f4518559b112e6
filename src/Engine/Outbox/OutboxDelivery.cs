using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Delivers one outbox row for <see cref="OutboxWorker"/>: claims it with a conditional UPDATE that sets this node's
/// lease (or, for a row written leased to this node with time left, reads it without a claim), runs its topic's
/// handler in a span (<c>outbox deliver {topic}</c>), and records the outcome. A delivered row waits in
/// <see cref="OutboxCompletions"/> for its mark; a retry or an abandon is written at once and the lease let go.
/// </summary>
internal sealed class OutboxDelivery(
    IServiceScopeFactory scopes, string owner, TimeProvider clock, OutboxOptions options, ILogger logger, OutboxCompletions completions)
{
    // The read of a row handed over leased to this node: every email and webhook this node commits is read so, once.
    // Compiled per worker (a compiled query keeps the first model it meets, and one process may host apps on two
    // providers), which skips EF's parameter extraction and query cache lookup on each delivery.
    private readonly Func<EngineDbContext, long, string, Task<OutboxMessage?>> leasedToMe = EF.CompileAsyncQuery((EngineDbContext db, long id, string owner) =>
        db.OutboxMessages.AsNoTracking().SingleOrDefault(m => m.Id == id && m.LeaseOwner == owner && m.CompletedAt == null && m.AbandonedAt == null));

    /// <summary>Delivers one row; true when it was delivered and waits in the completions for its mark.</summary>
    public async Task<bool> DeliverAsync(long id, CommittedMessage? handed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var message = await ClaimAsync(db, id, handed, ct);
        if (message is null)
        {
            return false; // Another worker took it, or it is done (or a savepoint undid the row announced).
        }
        using var activity = EngineTelemetry.StartOutboxDelivery(message.Topic, message.MessageId, message.Attempts);
        // Handlers are scoped (they use the database), so each delivery resolves its own.
        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().SingleOrDefault(h => h.Topic == message.Topic);

        OutboxOutcome outcome;
        using var delivering = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewLeaseAsync(id, delivering.Token);
        try
        {
            outcome = handler is null
                ? OutboxOutcome.Abandon($"No handler for topic '{message.Topic}'.")
                : await handler.HandleAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Delivering outbox message {MessageId} ({Topic}) failed", message.MessageId, message.Topic);
            outcome = OutboxOutcome.RetryAt(clock.GetUtcNow() + Backoff.For(message.Attempts), e.Message);
        }
        finally
        {
            await delivering.CancelAsync();
            await renewing;
        }

        activity?.SetTag("resellerkit.outbox.outcome", OutcomeName(outcome));
        if (outcome is not DeliveredOutcome)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome is RetryOutcome r ? r.Error : ((AbandonOutcome)outcome).Error);
        }
        if (outcome is DeliveredOutcome && handler is { MarkedAtOnce: true })
        {
            await completions.MarkNowAsync(id);
            return true;
        }
        if (outcome is DeliveredOutcome)
        {
            completions.Add(id);
            return true;
        }
        await RecordAsync(db, id, outcome, ct);
        return false;
    }

    /// <summary>The row, when this node may deliver it now; null when another node holds it or it is done.</summary>
    private async Task<OutboxMessage?> ClaimAsync(EngineDbContext db, long id, CommittedMessage? handed, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (handed?.LeasedUntil is { } leased && leased - now > options.Lease / 2)
        {
            // Written leased to this node, and the lease has time left: it is ours to deliver without a claim.
            ct.ThrowIfCancellationRequested();
            return await leasedToMe(db, id, owner);
        }
        var leaseEnd = now + options.Lease;
        var reclaim = handed is not null; // Its lease is this node's own, running out.
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.CompletedAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now
                && (m.LeasedUntil == null || m.LeasedUntil < now || (reclaim && m.LeaseOwner == owner)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.LeasedUntil, leaseEnd)
                .SetProperty(m => m.LeaseOwner, owner)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return claimed == 0 ? null : await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
    }

    /// <summary>
    /// Keeps this node's lease on a row while its handler runs: every third of <see cref="OutboxOptions.Lease"/>, the lease
    /// is moved to a whole lease from now. A delivery may outlast the lease (a Stripe recharge makes several calls, each
    /// up to a timeout and Stripe.net's retries); no other node claims the row meanwhile, and a node that dies stops
    /// renewing, so its rows are claimed a lease later. Most deliveries end before the first renewal and write nothing.
    /// </summary>
    private async Task RenewLeaseAsync(long id, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Lease / 3, clock, ct);
                await using var scope = scopes.CreateAsyncScope();
                var until = clock.GetUtcNow() + options.Lease;
                var renewed = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages
                    .Where(m => m.Id == id && m.LeaseOwner == owner && m.CompletedAt == null && m.AbandonedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeasedUntil, until), ct);
                if (renewed == 0)
                {
                    return; // Not ours any more.
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The delivery ended.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Renewing the lease of outbox row {Id} failed; it runs out a lease after its last renewal", id);
        }
    }

    /// <summary>Writes a retry or an abandon on a row this node still leases, and lets the lease go.</summary>
    private async Task RecordAsync(EngineDbContext db, long id, OutboxOutcome outcome, CancellationToken ct)
    {
        var mine = db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == owner);
        var done = clock.GetUtcNow();
        await (outcome switch
        {
            RetryOutcome r => mine.ExecuteUpdateAsync(set => set
                .SetProperty(m => m.NextAttemptAt, r.When).SetProperty(m => m.LastError, Truncate(r.Error)).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), ct),
            AbandonOutcome a => mine.ExecuteUpdateAsync(set => set
                .SetProperty(m => m.AbandonedAt, done).SetProperty(m => m.LastError, Truncate(a.Error)).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), ct),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
        });
    }

    private static string OutcomeName(OutboxOutcome outcome) => outcome switch
    {
        DeliveredOutcome => "delivered",
        RetryOutcome => "retry",
        _ => "abandoned",
    };

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
