using ResellerKit.Engine.Common;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.Purchases;

namespace ResellerKit.Storefront.Api.Purchases;

public sealed record CheckoutSessionRequest(PackId? PackId, long? Credits, string? SuccessUrl, string? CancelUrl);

public sealed record CheckoutSessionResponse(string Id, string Url, PurchaseId PurchaseId, long Credits, long UnitAmount, string Currency);

public sealed record PurchaseResponse(
    PurchaseId Id, SubAccountId SubAccountId, string SubAccountName, string Description, long Credits, long Amount, string Currency,
    long PlatformFee, PurchaseState State, PurchaseOrigin Origin, string? CheckoutSessionId, string? PaymentIntentId,
    long AmountRefunded, long CreditsReversed, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset? FulfilledAt)
{
    public static PurchaseResponse From(Purchase p) => new(
        p.Id, p.SubAccountId, p.SubAccount?.Name ?? "", p.Description, p.Credits, p.Amount, p.Currency, p.PlatformFee, p.State, p.Origin,
        p.CheckoutSessionId, p.PaymentIntentId, p.AmountRefunded, p.CreditsReversed, p.FailureReason, p.CreatedAt, p.FulfilledAt);
}

/// <summary>The agency's Stripe connection; <c>mode</c> is <c>sandbox</c>, <c>stripe</c>, or <c>off</c> (the install takes no payments).</summary>
public sealed record PaymentsStatusResponse(string? StripeAccountId, bool PaymentsEnabled, bool Sandbox, Payments.Stripe.StripeMode Mode);

public sealed record OnboardingLinkResponse(string Url);
