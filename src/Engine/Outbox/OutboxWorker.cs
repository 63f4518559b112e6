using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Delivers outbox messages. Each row is claimed by a conditional UPDATE that sets a lease, so several nodes polling
/// one database never deliver a message at the same time; a node that dies mid-delivery leaves a lease that expires,
/// and another node retries with the same message id. Each delivery is a span (<c>outbox deliver {topic}</c>).
/// <para>
/// Messages wait in lanes (<see cref="OutboxLane"/>), each with its own loop and delivery slots, so a Stripe event
/// never queues behind emails or agency webhooks. A row this node commits is handed over by <see cref="OutboxSignal"/>
/// and delivered at once, without a claim when it was written leased to this node; each lane also polls every
/// <see cref="OutboxOptions.PollInterval"/> for the rest.
/// </para>
/// <para>
/// Deliveries are marked complete in batches (<see cref="OutboxCompletions"/>): one UPDATE for whatever finished
/// meanwhile. A mark lost in a crash only leaves the row leased until its lease ends, and the message is then
/// delivered again with the same message id, which receivers drop as a duplicate.
/// </para>
/// <para>The worker schedules; <see cref="OutboxDelivery"/> claims, delivers and records one row.</para>
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 16;

    private readonly string owner = signal.Owner;

    /// <summary>
    /// The rows this node is delivering, or delivered and has not yet marked complete: a row handed over twice (a row
    /// id a savepoint gave back and reused) or handed over and polled is delivered once.
    /// </summary>
    private readonly ConcurrentDictionary<long, byte> inFlight = new();

    /// <summary>The deliveries of handed-over rows still running: a stopping node waits for them before it gives back its leases.</summary>
    private readonly ConcurrentDictionary<Task, byte> handedOver = new();

    private OutboxCompletions? completions;

    private OutboxDelivery? rowDelivery;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lanes = Lanes();
        completions = new OutboxCompletions(scopes, owner, clock, logger, marked => { foreach (var id in marked) inFlight.TryRemove(id, out _); });
        rowDelivery = new OutboxDelivery(scopes, owner, clock, options.Value, logger, completions);
        signal.Listen(true);
        try
        {
            var running = lanes.Values.Distinct().Select(lane => PollAsync(lane, stoppingToken)).Append(HandOverAsync(lanes, stoppingToken)).ToList();
            var marking = completions.RunAsync(stoppingToken);
            await Task.WhenAll(running);
            await Task.WhenAny(Task.WhenAll(handedOver.Keys), Task.Delay(TimeSpan.FromSeconds(5), clock, CancellationToken.None));
            await marking;
            await completions.FlushAsync();
        }
        finally
        {
            signal.Listen(false);
            await OutboxLeases.ReleaseAsync(scopes, owner, inFlight.Keys.ToList(), logger);
        }
    }

    /// <summary>The lane of every known topic; a topic with no handler is the default lane's (which abandons it).</summary>
    private Dictionary<OutboxLane, Lane> Lanes()
    {
        using var scope = scopes.CreateScope();
        var handlers = scope.ServiceProvider.GetServices<IOutboxHandler>().ToList();
        var payments = handlers.Where(h => h.Lane == OutboxLane.Payments).Select(h => h.Topic).ToHashSet(StringComparer.Ordinal);
        var slots = Math.Max(1, options.Value.SlotsPerLane);
        return new Dictionary<OutboxLane, Lane>
        {
            [OutboxLane.Payments] = new(OutboxLane.Payments, payments, Mine: true, Math.Max(1, options.Value.PaymentSlots)),
            [OutboxLane.Default] = new(OutboxLane.Default, payments, Mine: false, slots),
        };
    }

    /// <summary>Delivers each row this node commits as soon as it is committed, in its lane's slots.</summary>
    private async Task HandOverAsync(Dictionary<OutboxLane, Lane> lanes, CancellationToken ct)
    {
        try
        {
            await foreach (var committed in signal.Reader.ReadAllAsync(ct))
            {
                var lane = lanes[OutboxLane.Payments].Holds(committed.Topic) ? lanes[OutboxLane.Payments] : lanes[OutboxLane.Default];
                var delivery = DeliverInLaneAsync(lane, committed.Id, ct, committed);
                if (handedOver.TryAdd(delivery, 0))
                {
                    _ = delivery.ContinueWith(done => handedOver.TryRemove(done, out _), TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>The fallback: due rows nobody handed over (other nodes' rows, retries, a crashed node's leases).</summary>
    private async Task PollAsync(Lane lane, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var handled = await RunOnceAsync(lane, ct);
                if (handled < BatchSize)
                {
                    await Task.Delay(options.Value.PollInterval, clock, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The outbox worker failed a pass of the {Lane} lane; it will try again", lane.Name);
                await Task.Delay(options.Value.PollInterval, clock, ct);
            }
        }
    }

    /// <summary>One pass of one lane: claims its due messages and delivers them. Returns how many it found.</summary>
    private async Task<int> RunOnceAsync(Lane lane, CancellationToken ct)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            var now = clock.GetUtcNow();
            var topics = lane.Topics.ToArray();
            var rows = db.OutboxMessages.AsNoTracking()
                .Where(m => m.CompletedAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now
                    && (m.LeasedUntil == null || m.LeasedUntil < now));
            rows = lane.Mine ? rows.Where(m => topics.Contains(m.Topic)) : rows.Where(m => !topics.Contains(m.Topic));
            due = await rows.OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        }
        await Task.WhenAll(due.Select(id => DeliverInLaneAsync(lane, id, ct)));
        return due.Count;
    }

    private async Task DeliverInLaneAsync(Lane lane, long id, CancellationToken ct, CommittedMessage? handed = null)
    {
        try
        {
            await lane.Slots.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (!inFlight.TryAdd(id, 0))
        {
            lane.Slots.Release();
            return; // This node is delivering it already.
        }
        var marking = false;
        try
        {
            marking = await rowDelivery!.DeliverAsync(id, handed, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The row stays due (or leased until its lease ends): the poll takes it again.
            logger.LogError(e, "The outbox worker failed to deliver message {Id}", id);
        }
        finally
        {
            if (!marking)
            {
                inFlight.TryRemove(id, out _);
            }
            lane.Slots.Release();
        }
    }

    /// <param name="Topics">The payment lane's topics: this lane's own when <paramref name="Mine"/>, else every topic but these.</param>
    private sealed record Lane(OutboxLane Name, IReadOnlySet<string> Topics, bool Mine, int SlotCount)
    {
        public SemaphoreSlim Slots { get; } = new(SlotCount, SlotCount);

        public bool Holds(string topic) => Topics.Contains(topic) == Mine;
    }
}
