namespace ResellerKit.Storefront.Payments.Webhooks;

/// <summary>
/// The Stripe event types <c>/webhooks/stripe</c> acts on: the <c>enabled_events</c> to give the Connect webhook
/// endpoint on Stripe, and the ones the sandbox's own endpoint is subscribed to (it records every event, but sends
/// only these, as Stripe sends an endpoint only what it subscribed to).
/// </summary>
public static class StripeWebhookEvents
{
    public const string CheckoutCompleted = "checkout.session.completed";
    public const string CheckoutAsyncSucceeded = "checkout.session.async_payment_succeeded";
    public const string CheckoutAsyncFailed = "checkout.session.async_payment_failed";
    public const string CheckoutExpired = "checkout.session.expired";
    public const string PaymentIntentSucceeded = "payment_intent.succeeded";
    public const string PaymentIntentFailed = "payment_intent.payment_failed";
    public const string ChargeRefunded = "charge.refunded";
    public const string DisputeClosed = "charge.dispute.closed";
    public const string AccountUpdated = "account.updated";

    public static IReadOnlySet<string> Enabled { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CheckoutCompleted, CheckoutAsyncSucceeded, CheckoutAsyncFailed, CheckoutExpired, PaymentIntentSucceeded, PaymentIntentFailed, ChargeRefunded, DisputeClosed, AccountUpdated,
    };
}
