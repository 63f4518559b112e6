using ResellerKit.Engine.Purchases;
using StripeSdk = Stripe;

namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>Auto-recharge's off-session charges of a saved card, finding one whose answer was lost, and reading one back.</summary>
public sealed partial class StripeGateway
{
    public async Task<OffSessionResult> ChargeOffSessionAsync(OffSessionCharge charge, CancellationToken ct)
    {
        var options = new StripeSdk.PaymentIntentCreateOptions
        {
            Amount = charge.Amount,
            Currency = charge.Currency,
            Customer = charge.CustomerId,
            PaymentMethod = charge.PaymentMethodId,
            Confirm = true,
            OffSession = true,
            ErrorOnRequiresAction = true,
            ApplicationFeeAmount = charge.ApplicationFee,
            Description = charge.Description,
            Metadata = new Dictionary<string, string>(charge.Metadata),
        };
        try
        {
            var intent = await (await clients.CreateAsync(ct)).V1.PaymentIntents.CreateAsync(options,
                new StripeSdk.RequestOptions { StripeAccount = charge.AccountId, IdempotencyKey = charge.IdempotencyKey }, ct);
            return intent.Status == "succeeded"
                ? new OffSessionResult(true, intent.Id, null, null)
                : new OffSessionResult(false, intent.Id, intent.Status, $"The payment intent is {intent.Status}.");
        }
        catch (StripeSdk.StripeException e) when (e.StripeError?.Type == "card_error")
        {
            return new OffSessionResult(false, e.StripeError.PaymentIntent?.Id, e.StripeError.Code ?? "card_error", e.StripeError.Message);
        }
        catch (StripeSdk.StripeException e)
        {
            throw new PaymentGatewayException(e.StripeError?.Message ?? e.Message, e);
        }
    }

    public Task<PaymentIntentStatus?> GetPaymentIntentAsync(string accountId, string paymentIntentId, CancellationToken ct) => FindAsync(ct, async stripe =>
    {
        var intent = await stripe.V1.PaymentIntents.GetAsync(paymentIntentId, null, new StripeSdk.RequestOptions { StripeAccount = accountId }, ct);
        return new PaymentIntentStatus(intent.Id, intent.Status, intent.Amount, intent.Currency, intent.ApplicationFeeAmount ?? 0,
            intent.Metadata ?? new Dictionary<string, string>(), intent.LastPaymentError?.Message);
    });

    public Task<OffSessionResult?> FindOffSessionChargeAsync(
        string accountId, string customerId, string metadataKey, string metadataValue, DateTimeOffset since, CancellationToken ct) =>
        CallAsync(ct, async stripe =>
        {
            // Listing is consistent at once (search is not); a client has few payment intents in a recharge's lifetime.
            var options = new StripeSdk.PaymentIntentListOptions
            {
                Customer = customerId,
                Created = new StripeSdk.DateRangeOptions { GreaterThanOrEqual = since.UtcDateTime },
                Limit = 100,
            };
            var requestOptions = new StripeSdk.RequestOptions { StripeAccount = accountId };
            await foreach (var intent in stripe.V1.PaymentIntents.ListAutoPagingAsync(options, requestOptions, ct))
            {
                // A recovery checkout's payment carries the recharge's id too, but it is the purchase's, granted by its checkout.
                if (intent.Metadata?.GetValueOrDefault(metadataKey) != metadataValue || intent.Metadata.ContainsKey("resellerkit_purchase_id"))
                {
                    continue;
                }
                return intent.Status switch
                {
                    "succeeded" => new OffSessionResult(true, intent.Id, null, null),
                    "requires_payment_method" or "canceled" => new OffSessionResult(false, intent.Id, intent.LastPaymentError?.Code ?? intent.Status,
                        intent.LastPaymentError?.Message ?? $"The payment intent is {intent.Status}."),
                    "processing" => new OffSessionResult(false, intent.Id, OffSessionResult.ProcessingStatus, $"Stripe is still processing payment intent {intent.Id}."),
                    _ => throw new PaymentGatewayException($"Stripe has not finished payment intent {intent.Id} yet ({intent.Status})."),
                };
            }
            return (OffSessionResult?)null;
        });
}
