using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Records a verified Stripe event's id with what came of it, once (a redelivery or a raced twin records nothing more).
/// The write goes through the checkout grants' ledger writer, so the records and grants of webhooks that arrive together
/// share one transaction (one commit, one fsync) instead of a transaction each; this returns once that transaction
/// committed, so a webhook is answered 2xx only after its record is durable, as before.
/// </summary>
public sealed class RecordPaymentEvent(
    EngineDbContext db, [FromKeyedServices(FulfillCheckout.GrantQueue)] LedgerQueue queue, IServiceProvider services, TimeProvider clock)
{
    /// <summary>True when this call recorded it; false when it was recorded already.</summary>
    public Task<bool> HandleAsync(string eventId, string type, string? account, string outcome, CancellationToken ct)
    {
        var record = PaymentEvent.Record(eventId, type, account, outcome.Length > 100 ? outcome[..100] : outcome, clock.GetUtcNow());
        return queue.RunAsync(db, services, [], async (scope, token) =>
        {
            var writer = scope.GetRequiredService<EngineDbContext>();
            if (await writer.PaymentEvents.AnyAsync(x => x.EventId == eventId, token))
            {
                return false; // A concurrent delivery of the same event recorded it first.
            }
            writer.PaymentEvents.Add(record);
            await writer.SaveChangesAsync(token);
            if (!ReferenceEquals(scope, services))
            {
                writer.Entry(record).State = EntityState.Detached; // The batch's later saves need not look at it again.
            }
            return true;
        }, ct);
    }
}
