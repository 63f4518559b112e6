using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Payments.Stripe;
using StripeSdk = Stripe;

namespace ResellerKit.Storefront.Payments.Webhooks;

/// <summary>
/// Routes a verified Stripe event to the Engine and records its id with the outcome. Every handler is safe to run
/// again: a duplicate or replayed event changes nothing twice.
/// </summary>
public sealed class StripeEventDispatcher(
    FulfillCheckout fulfill, CloseCheckout close, ReversePayment reverse, ConnectAgencyPayments connect,
    EngineDbContext db, IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeEventDispatcher> logger)
{
    public async Task<string> DispatchAsync(StripeSdk.Event stripeEvent, CancellationToken ct)
    {
        var outcome = stripeEvent.Livemode != options.Value.IsLive
            ? "ignored: livemode does not match this deployment"
            : await HandleAsync(stripeEvent, ct);
        logger.LogInformation("Stripe event {EventId} {Type} for {Account}: {Outcome}", stripeEvent.Id, stripeEvent.Type, stripeEvent.Account, outcome);
        await RecordAsync(stripeEvent, outcome, ct);
        return outcome;
    }

    private async Task<string> HandleAsync(StripeSdk.Event e, CancellationToken ct)
    {
        var account = e.Account;
        switch (e.Type)
        {
            case "checkout.session.completed" or "checkout.session.async_payment_succeeded"
                when e.Data.Object is StripeSdk.Checkout.Session session && account is not null:
                return "fulfilment: " + await fulfill.HandleAsync(account, session.Id, ct);
            case "checkout.session.async_payment_failed" when e.Data.Object is StripeSdk.Checkout.Session session && account is not null:
                return $"closed {await close.HandleAsync(account, session.Id, PurchaseState.Failed, "The delayed payment failed.", ct)} purchase(s)";
            case "checkout.session.expired" when e.Data.Object is StripeSdk.Checkout.Session session && account is not null:
                return $"closed {await close.HandleAsync(account, session.Id, PurchaseState.Expired, "The checkout expired unpaid.", ct)} purchase(s)";
            case "charge.refunded" when e.Data.Object is StripeSdk.Charge charge && account is not null && charge.PaymentIntentId is not null:
                return (await reverse.HandleAsync(account, charge.PaymentIntentId, charge.AmountRefunded, ReversalKind.Refund, ct))
                    ? "credits reversed" : "nothing to reverse";
            case "charge.dispute.closed" when e.Data.Object is StripeSdk.Dispute { Status: "lost" } dispute && account is not null && dispute.PaymentIntentId is not null:
                return (await reverse.HandleAsync(account, dispute.PaymentIntentId, dispute.Amount, ReversalKind.Dispute, ct))
                    ? "credits reversed" : "nothing to reverse";
            case "account.updated" when e.Data.Object is StripeSdk.Account connected:
                return $"updated {await connect.ApplyAccountStatusAsync(connected.Id, connected.ChargesEnabled, ct)} agency(ies)";
            default:
                return "ignored: not a type ResellerKit acts on";
        }
    }

    private async Task RecordAsync(StripeSdk.Event e, string outcome, CancellationToken ct)
    {
        if (await db.PaymentEvents.AnyAsync(x => x.EventId == e.Id, ct))
        {
            return;
        }
        db.PaymentEvents.Add(PaymentEvent.Record(e.Id, e.Type, e.Account, outcome.Length > 100 ? outcome[..100] : outcome, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear(); // A concurrent delivery of the same event recorded it first.
        }
    }
}
