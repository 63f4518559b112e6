using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Delivers outbox messages. Each row is claimed by a conditional UPDATE that sets a lease, so several nodes polling
/// one database never deliver a message at the same time; a node that dies mid-delivery leaves a lease that expires,
/// and another node retries with the same message id. Each delivery is a span (<c>outbox deliver {topic}</c>).
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private const int BatchSize = 16;

    private readonly string owner = $"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}" is var id && id.Length > 100 ? id[..100] : id;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await RunOnceAsync(stoppingToken);
                if (delivered == 0)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The outbox worker failed a pass; it will try again");
                await Task.Delay(IdlePoll, stoppingToken);
            }
        }
    }

    /// <summary>One pass: claims due messages and delivers them in parallel. Returns how many it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            var now = clock.GetUtcNow();
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.CompletedAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now
                    && (m.LeasedUntil == null || m.LeasedUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        }
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, DeliverAsync);
        return due.Count;
    }

    private async ValueTask DeliverAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var now = clock.GetUtcNow();
        var leaseEnd = now + options.Value.Lease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.CompletedAt == null && m.AbandonedAt == null && (m.LeasedUntil == null || m.LeasedUntil < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.LeasedUntil, leaseEnd)
                .SetProperty(m => m.LeaseOwner, owner)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0)
        {
            return; // Another worker took it.
        }
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        using var activity = EngineTelemetry.StartOutboxDelivery(message.Topic, message.MessageId, message.Attempts);
        // Handlers are scoped (they use the database), so each delivery resolves its own.
        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().SingleOrDefault(h => h.Topic == message.Topic);

        OutboxOutcome outcome;
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

        activity?.SetTag("resellerkit.outbox.outcome", OutcomeName(outcome));
        if (outcome is not DeliveredOutcome)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome is RetryOutcome r ? r.Error : ((AbandonOutcome)outcome).Error);
        }
        var mine = db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == owner);
        var done = clock.GetUtcNow();
        await (outcome switch
        {
            DeliveredOutcome => mine.ExecuteUpdateAsync(set => set
                .SetProperty(m => m.CompletedAt, done).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.Payload, m => m.Sensitive ? OutboxMessage.Redacted : m.Payload), ct),
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
