using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Purchases;

public sealed record PaymentProviderFailed(string Message) : Error("payment_provider_error")
{
    public override string Detail => $"Stripe could not create the checkout: {Message}";
}

public sealed record RequestKeyReused(string Key) : Error("idempotency_key_reused")
{
    public override string Detail => $"The Idempotency-Key '{Key}' was already used with a different request. Use a new key for a new request.";
}
