using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.Recharges;
using ResellerKit.Storefront.Payments.Stripe;
using StripeSdk = Stripe;

namespace ResellerKit.Storefront.Payments.Webhooks;

/// <summary>
/// Routes a verified Stripe event to the Engine and records its id with the outcome. Every handler is safe to run
/// again: a duplicate or replayed event changes nothing twice. A checkout event's session is used as its signed body
/// reports it when paid (its amount and currency are still checked against the purchase); otherwise what an object
/// now is (a charge refunded, a dispute lost, an auto-recharge's payment succeeded, an account enabled) is read back
/// from the gateway, so a body that lies, even under a valid signature, moves nothing the gateway does not confirm.
/// </summary>
public sealed class StripeEventDispatcher(
    FulfillCheckout fulfill, RecordPaymentEvent record, CloseCheckout close, NoteFailedPayment failedPayment, ReversePayment reverse, GrantBeforeReversal grantFirst,
    ConnectAgencyPayments connect, GrantPaidRecharge recharges, IPaymentGateway gateway, EngineDbContext db, IOptions<StripeOptions> options, ILogger<StripeEventDispatcher> logger)
{
    public async Task<string> DispatchAsync(StripeSdk.Event stripeEvent, CancellationToken ct)
    {
        // A fulfilment that grants records the event in the grant's own transaction; every other outcome is recorded here.
        var source = new PaymentEventSource(stripeEvent.Id, stripeEvent.Type, stripeEvent.Account);
        var outcome = stripeEvent.Livemode != options.Value.IsLive
            ? "ignored: livemode does not match this deployment"
            : await HandleAsync(stripeEvent, source, ct);
        logger.LogInformation("Stripe event {EventId} {Type} for {Account}: {Outcome}", stripeEvent.Id, stripeEvent.Type, stripeEvent.Account, outcome);
        // Stripe reports every paid checkout's payment intent too; one that names no recharge needs no record (acting on
        // it again changes nothing), and recording it would add a write to every paid checkout.
        if (!source.Recorded && outcome != GrantPaidRecharge.NotARecharge)
        {
            await record.HandleAsync(stripeEvent.Id, stripeEvent.Type, stripeEvent.Account, outcome, ct);
        }
        return outcome;
    }

    private async Task<string> HandleAsync(StripeSdk.Event e, PaymentEventSource source, CancellationToken ct)
    {
        var account = e.Account;
        switch (e.Type)
        {
            case StripeWebhookEvents.CheckoutCompleted or StripeWebhookEvents.CheckoutAsyncSucceeded
                when e.Data.Object is StripeSdk.Checkout.Session session && account is not null:
                return PaymentEventSource.Outcome(await fulfill.HandleAsync(account, session.Id, ct, new CheckoutStatus(session.Id, session.Status,
                    session.PaymentStatus, session.AmountTotal, session.Currency, session.PaymentIntentId, session.CustomerId), source));
            case StripeWebhookEvents.CheckoutAsyncFailed when e.Data.Object is StripeSdk.Checkout.Session session && account is not null:
                return $"closed {await close.HandleAsync(account, session.Id, PurchaseState.Failed, "The delayed payment failed.", ct)} purchase(s)";
            case StripeWebhookEvents.CheckoutExpired when e.Data.Object is StripeSdk.Checkout.Session session && account is not null:
                return $"closed {await close.HandleAsync(account, session.Id, PurchaseState.Expired, "The checkout expired unpaid.", ct)} purchase(s)";
            case StripeWebhookEvents.PaymentIntentSucceeded when e.Data.Object is StripeSdk.PaymentIntent paid && account is not null:
                return await recharges.HandleAsync(account, paid.Id, paid.Metadata, ct);
            case StripeWebhookEvents.PaymentIntentFailed when e.Data.Object is StripeSdk.PaymentIntent failed && account is not null:
                // A checkout's card was declined (an auto-recharge's decline is handled where it charges). Read back, so
                // a body that lies cannot mark a purchase; the checkout stays open, and the purchase Pending.
                return await gateway.GetPaymentIntentAsync(account, failed.Id, ct) is { Status: "requires_payment_method" } declined
                    && declined.Metadata.TryGetValue(StartCheckout.PurchaseIdKey, out var purchase) && Guid.TryParse(purchase, out var purchaseId)
                    ? $"noted on {await failedPayment.HandleAsync(account, new PurchaseId(purchaseId), declined.LastError, ct)} purchase(s)"
                    : "ignored: no failed checkout payment the gateway confirms";
            case StripeWebhookEvents.ChargeRefunded when e.Data.Object is StripeSdk.Charge charge && account is not null:
                return await gateway.GetChargeAsync(account, charge.Id, ct) is { PaymentIntentId: { } intent } refunded
                    ? await ReverseAsync(account, intent, refunded.AmountRefunded, ReversalKind.Refund, ct)
                    : "ignored: the gateway does not know this charge";
            case StripeWebhookEvents.DisputeClosed when e.Data.Object is StripeSdk.Dispute && account is not null
                && await db.PaymentEvents.AnyAsync(x => x.EventId == e.Id, ct):
                // Its reversal is done, and a lost dispute pauses auto-recharge once: a redelivery (or a resend from the
                // dashboard) after the agency turned auto-recharge on again must not pause it again.
                return "ignored: this event was handled before";
            case StripeWebhookEvents.DisputeClosed when e.Data.Object is StripeSdk.Dispute dispute && account is not null:
                return await gateway.GetDisputeAsync(account, dispute.Id, ct) is { Status: "lost", PaymentIntentId: { } disputed } lost
                    ? await ReverseAsync(account, disputed, await ReversedWithAsync(account, lost, ct), ReversalKind.Dispute, ct)
                    : "ignored: the gateway does not report this dispute lost";
            case StripeWebhookEvents.AccountUpdated when e.Data.Object is StripeSdk.Account connected:
                if (!await db.Agencies.AnyAsync(a => a.StripeAccountId == connected.Id, ct))
                {
                    return "ignored: no agency uses this account";
                }
                var status = await gateway.GetConnectedAccountAsync(connected.Id, ct);
                return $"updated {await connect.ApplyAccountStatusAsync(status.Id, status.ChargesEnabled, ct)} agency(ies)";
            default:
                return "ignored: not a type ResellerKit acts on";
        }
    }

    // The payment is granted first if its own event has not been handled yet (GrantBeforeReversal), then reversed.
    private async Task<string> ReverseAsync(string account, string paymentIntentId, long amountReversedTotal, ReversalKind kind, CancellationToken ct)
    {
        await grantFirst.HandleAsync(account, paymentIntentId, ct);
        return await reverse.HandleAsync(account, paymentIntentId, amountReversedTotal, kind, ct) ? "credits reversed" : "nothing to reverse";
    }

    // A lost dispute takes back what it disputed on top of what was refunded before it (the reversal is capped at what
    // was paid): after a partial refund, the dispute alone is less than the refund, and would have reversed nothing.
    private async Task<long> ReversedWithAsync(string account, DisputeStatus lost, CancellationToken ct) =>
        lost.Amount + (lost.ChargeId is { } charge && await gateway.GetChargeAsync(account, charge, ct) is { } refunded ? refunded.AmountRefunded : 0);
}
