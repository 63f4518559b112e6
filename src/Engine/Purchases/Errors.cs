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

/// <summary>The install takes no payments: no Stripe key is configured (and the sandbox is not on).</summary>
public sealed record PaymentsOff() : Error("payments_unavailable")
{
    public override string Detail =>
        "Payments are switched off on this installation: no payment provider is configured, so credits cannot be bought yet. "
        + "The platform's operator can switch them on by configuring Stripe.";
}
