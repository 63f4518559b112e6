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

/// <summary>
/// Someone on the team who is not an owner tried to connect or review the agency's Stripe account. Stripe's onboarding
/// asks for the business's legal identity and the bank account its money goes to, so it is the owner's to do.
/// </summary>
public sealed record PaymentsOwnersOnly() : Error("forbidden")
{
    public override string Detail =>
        "Only an owner of the agency can connect or review its Stripe account: Stripe asks for the business's identity and the bank account its money goes to.";
}
