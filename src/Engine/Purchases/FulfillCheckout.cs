using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Grants a paid checkout's credits, exactly once. Safe to call many times and concurrently (every webhook retry
/// and replay lands here): it takes the session from the signed event when that reports it paid (a paid session
/// never becomes unpaid, so the snapshot is the truth and saves a round trip to Stripe), else asks Stripe for it;
/// it grants only when the session is paid and its amount and currency match the recorded purchase. The grant
/// (<see cref="CheckoutGrant"/>) goes through the node's ledger writer, so grants that arrive together share one
/// transaction (a writer of their own: on PostgreSQL a batch holds its row locks until it commits, and a grant takes
/// the agency's issuance wallet, which a batch of debits taking pool wallets would meet in the other order), and is
/// guarded twice: a conditional UPDATE of the purchase's state, and the unique ledger key
/// <c>checkout:{sessionId}</c>. Each grant records the seconds since the
/// session was opened in <c>resellerkit.checkout.fulfilment</c>.
/// </summary>
public sealed class FulfillCheckout(
    EngineDbContext db, [FromKeyedServices(FulfillCheckout.GrantQueue)] LedgerQueue queue, IServiceProvider services, IPaymentGateway gateway,
    RecordPaymentEvent events, TimeProvider clock, ILogger<FulfillCheckout> logger)
{
    /// <summary>The key of the ledger writer that grants checkouts (apart from the one for usage).</summary>
    public const string GrantQueue = "checkout-grants";

    /// <param name="reported">The session as the verified (signed) event carries it, if any.</param>
    /// <param name="source">
    /// The verified event this comes from, if any: when the fulfilment reaches the grant, the event is recorded with its
    /// outcome in the grant's own operation, so both commit together, and <see cref="PaymentEventSource.Recorded"/> says so.
    /// </param>
    public async Task<FulfillmentOutcome> HandleAsync(
        string accountId, string sessionId, CancellationToken ct, CheckoutStatus? reported = null, PaymentEventSource? source = null)
    {
        var purchase = await db.Purchases.AsNoTracking().Include(p => p.SubAccount).ThenInclude(s => s!.Agency)
            .SingleOrDefaultAsync(p => p.CheckoutSessionId == sessionId, ct);
        if (purchase is null)
        {
            logger.LogWarning("Checkout session {SessionId} on {Account} matches no purchase; nothing granted", sessionId, accountId);
            return FulfillmentOutcome.UnknownSession;
        }
        if (purchase.StripeAccountId != accountId)
        {
            logger.LogWarning("Checkout session {SessionId} arrived for account {Account} but belongs to {Expected}; nothing granted",
                sessionId, accountId, purchase.StripeAccountId);
            return FulfillmentOutcome.AccountMismatch;
        }
        if (purchase.State != PurchaseState.Pending)
        {
            return FulfillmentOutcome.AlreadyFulfilled;
        }

        var session = reported is { IsPaid: true } && reported.Id == sessionId ? reported : await gateway.GetCheckoutAsync(accountId, sessionId, ct);
        if (session is null || !session.IsPaid)
        {
            return FulfillmentOutcome.NotPaid;
        }
        if (session.AmountTotal != purchase.Amount || !string.Equals(session.Currency, purchase.Currency, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogError("Checkout session {SessionId} was paid {Paid} {PaidCurrency} but purchase {PurchaseId} expected {Amount} {Currency}; nothing granted",
                sessionId, session.AmountTotal, session.Currency, purchase.Id, purchase.Amount, purchase.Currency);
            await db.Purchases.Where(p => p.Id == purchase.Id && p.State == PurchaseState.Pending).ExecuteUpdateAsync(set => set
                .SetProperty(p => p.FailureReason, $"Stripe reported {session.AmountTotal} {session.Currency}, expected {purchase.Amount} {purchase.Currency}."), ct);
            return FulfillmentOutcome.AmountMismatch;
        }

        // Through the node's ledger writer: grants that arrive together share one transaction (one fsync), each under
        // its own savepoint, and this returns once that transaction committed.
        // The writer runs it inline, with the caller's own services, when the caller holds a transaction; else in a batch's scope.
        var granted = await queue.RunAsync(db, services, [purchase.SubAccountId], async (scope, token) =>
        {
            var inBatch = !ReferenceEquals(scope, services);
            var done = await scope.GetRequiredService<CheckoutGrant>().GrantAsync(purchase, session, inBatch, token);
            if (source is not null)
            {
                var outcome = PaymentEventSource.Outcome(done ? FulfillmentOutcome.Fulfilled : FulfillmentOutcome.AlreadyFulfilled);
                await RecordPaymentEvent.AddAsync(scope.GetRequiredService<EngineDbContext>(), events.Record(source, outcome), inBatch, token);
            }
            return done;
        }, ct);
        if (source is not null)
        {
            source.Recorded = true; // in the grant's operation, so in its transaction
        }
        if (!granted)
        {
            return FulfillmentOutcome.AlreadyFulfilled;
        }
        EngineTelemetry.CheckoutFulfilment.Record((clock.GetUtcNow() - purchase.CreatedAt).TotalSeconds);
        return FulfillmentOutcome.Fulfilled;
    }
}
