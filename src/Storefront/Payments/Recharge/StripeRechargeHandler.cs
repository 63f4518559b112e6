using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.Recharges;
using ResellerKit.Storefront.Payments.Checkout;

namespace ResellerKit.Storefront.Payments.Recharge;

/// <summary>
/// Charges Stripe recharges from the outbox. Stripe being unreachable is retried with backoff (the same idempotency key
/// every time, so never a double charge); after <see cref="MaxAttempts"/> the recharge fails and counts as a failure.
/// A payment Stripe is still processing is asked about again with the same backoff, the recharge left open.
/// </summary>
public sealed class StripeRechargeHandler(ChargeRecharge charge, CheckoutUrls urls, TimeProvider clock)
    : IOutboxHandler
{
    public const int MaxAttempts = 10;

    public string Topic => RechargeTrigger.StripeTopic;

    public OutboxLane Lane => OutboxLane.Payments;

    public async Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = RechargeId.From(Guid.Parse(message.Payload));
        try
        {
            // A message is written leased for its first delivery; any later one (a retry, a lease that ran out) counts up.
            var attempt = await charge.HandleAsync(id, await urls.ForAsync(ct), earlierAttempts: message.Attempts > 1, ct);
            return attempt == ChargeAttempt.Processing
                ? OutboxOutcome.RetryAt(clock.GetUtcNow() + Backoff.For(message.Attempts), "Stripe is still processing the payment.")
                : OutboxOutcome.Delivered;
        }
        catch (PaymentGatewayException e) when (message.Attempts >= MaxAttempts)
        {
            await charge.GiveUpAsync(id, $"Stripe could not be reached after {message.Attempts} attempts: {e.Message}", ct);
            return OutboxOutcome.Abandon(e.Message);
        }
        catch (PaymentGatewayException e)
        {
            return OutboxOutcome.RetryAt(clock.GetUtcNow() + Backoff.For(message.Attempts), e.Message);
        }
    }
}
