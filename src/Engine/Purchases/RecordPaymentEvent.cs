using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Records a verified Stripe event's id with what came of it, once (a redelivery or a raced twin records nothing more).
/// The write goes through the checkout grants' ledger writer, so the records and grants of webhooks that arrive together
/// share one transaction (one commit, one fsync) instead of a transaction each; this returns once that transaction
/// committed, so a webhook is answered 2xx only after its record is durable, as before. A fulfilment that grants records
/// its event inside the grant's own operation instead (<see cref="PaymentEventSource"/>, <see cref="AddAsync"/>).
/// </summary>
public sealed class RecordPaymentEvent(
    EngineDbContext db, [FromKeyedServices(FulfillCheckout.GrantQueue)] LedgerQueue queue, IServiceProvider services, TimeProvider clock)
{
    /// <summary>True when this call recorded it; false when it was recorded already.</summary>
    public Task<bool> HandleAsync(string eventId, string type, string? account, string outcome, CancellationToken ct)
    {
        var record = Record(new PaymentEventSource(eventId, type, account), outcome);
        return queue.RunAsync(db, services, [], (scope, token) =>
            AddAsync(scope.GetRequiredService<EngineDbContext>(), record, inBatch: !ReferenceEquals(scope, services), token), ct);
    }

    /// <summary>The record of <paramref name="source"/> with <paramref name="outcome"/> (cut to the column's 100 characters).</summary>
    internal PaymentEvent Record(PaymentEventSource source, string outcome) =>
        PaymentEvent.Record(source.EventId, source.Type, source.Account, outcome.Length > 100 ? outcome[..100] : outcome, clock.GetUtcNow());

    /// <summary>
    /// Adds <paramref name="record"/> in the ledger writer's transaction on <paramref name="writer"/>, unless the event is
    /// recorded already (a concurrent delivery of it recorded it first). True when this added it.
    /// </summary>
    /// <param name="inBatch">Run in a batch's own context: the record is let go once saved, so the batch's later saves need not look at it again.</param>
    internal static async Task<bool> AddAsync(EngineDbContext writer, PaymentEvent record, bool inBatch, CancellationToken ct)
    {
        if (await writer.PaymentEvents.AnyAsync(x => x.EventId == record.EventId, ct))
        {
            return false;
        }
        writer.PaymentEvents.Add(record);
        await writer.SaveChangesAsync(ct);
        if (inBatch)
        {
            writer.Entry(record).State = EntityState.Detached;
        }
        return true;
    }
}
