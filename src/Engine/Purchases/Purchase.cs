using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// One attempt to buy credits through the agency's Stripe account: what was sold, for how much, the platform fee,
/// the Stripe ids, and where it stands. Credits are granted at most once, when Stripe says the session is paid.
/// </summary>
public sealed class Purchase
{
    private Purchase()
    {
    }

    public long Number { get; private set; }

    public PurchaseId Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public SubAccountId SubAccountId { get; private set; }

    public SubAccounts.SubAccount? SubAccount { get; private set; }

    public Guid? PackId { get; private set; }

    public string Description { get; private set; } = "";

    public long Credits { get; private set; }

    public long Amount { get; private set; }

    public string Currency { get; private set; } = "";

    public long PlatformFee { get; private set; }

    public PurchaseState State { get; private set; }

    public PurchaseOrigin Origin { get; private set; }

    public string StripeAccountId { get; private set; } = "";

    /// <summary>Sent with every Stripe request for this attempt, so that our own retries create one session.</summary>
    public string StripeIdempotencyKey { get; private set; } = "";

    public string? CheckoutSessionId { get; private set; }

    public string? CheckoutUrl { get; private set; }

    public string? PaymentIntentId { get; private set; }

    public string? StripeCustomerId { get; private set; }

    /// <summary>The API caller's Idempotency-Key and a hash of its request, when it sent one.</summary>
    public string? RequestKey { get; private set; }

    public string? RequestHash { get; private set; }

    public long AmountRefunded { get; private set; }

    public long CreditsReversed { get; private set; }

    public string? FailureReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? FulfilledAt { get; private set; }

    internal static Purchase Start(CheckoutQuote quote, SubAccountId subAccountId, string stripeAccountId, PurchaseOrigin origin,
        string? requestKey, string? requestHash, DateTimeOffset now)
    {
        var id = PurchaseId.New();
        return new Purchase
        {
            Id = id,
            AgencyId = quote.AgencyId,
            SubAccountId = subAccountId,
            PackId = quote.PackId?.Value,
            Description = quote.Description,
            Credits = quote.Credits,
            Amount = quote.Amount,
            Currency = quote.Currency,
            PlatformFee = quote.PlatformFee,
            State = PurchaseState.Pending,
            Origin = origin,
            StripeAccountId = stripeAccountId,
            StripeIdempotencyKey = $"rk-checkout-{id}",
            RequestKey = requestKey,
            RequestHash = requestHash,
            CreatedAt = now,
        };
    }

    internal void AttachSession(string sessionId, string url)
    {
        CheckoutSessionId = sessionId;
        CheckoutUrl = url;
    }
}
