namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Stripe, seen from the Engine: Connect accounts, checkout sessions on a connected account, and the truth about
/// a session, a charge or a dispute (never taken from a webhook's body). Storefront implements it with Stripe.net,
/// against real Stripe or the built-in sandbox; with payments off, <see cref="Enabled"/> is false and nothing is called.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>False when the install takes no payments (no Stripe key configured): checkouts answer <see cref="PaymentsOff"/>.</summary>
    bool Enabled { get; }

    Task<ConnectedAccount> CreateConnectedAccountAsync(string email, string businessName, CancellationToken ct);

    Task<ConnectedAccount> GetConnectedAccountAsync(string accountId, CancellationToken ct);

    Task<string> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken ct);

    Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken ct);

    /// <summary>The session as Stripe has it now; null when Stripe does not know it.</summary>
    Task<CheckoutStatus?> GetCheckoutAsync(string accountId, string sessionId, CancellationToken ct);

    /// <summary>
    /// Closes an open session so it can no longer be paid (Stripe then sends <c>checkout.session.expired</c>). False when
    /// the session was not open any more (paid, or expired already).
    /// </summary>
    Task<bool> ExpireCheckoutAsync(string accountId, string sessionId, CancellationToken ct);

    /// <summary>The card a payment intent was paid with (saved at checkout with setup_future_usage); null when there is none.</summary>
    Task<string?> GetPaymentMethodAsync(string accountId, string paymentIntentId, CancellationToken ct);

    /// <summary>The charge as Stripe has it now, with what was refunded of it; null when Stripe does not know it.</summary>
    Task<ChargeStatus?> GetChargeAsync(string accountId, string chargeId, CancellationToken ct);

    /// <summary>The dispute as Stripe has it now (<c>won</c>, <c>lost</c>, still open); null when Stripe does not know it.</summary>
    Task<DisputeStatus?> GetDisputeAsync(string accountId, string disputeId, CancellationToken ct);

    /// <summary>A payment intent as Stripe has it now (status, amount, fee, metadata); null when Stripe does not know it.</summary>
    Task<PaymentIntentStatus?> GetPaymentIntentAsync(string accountId, string paymentIntentId, CancellationToken ct);

    /// <summary>
    /// Charges a saved card without the customer (auto-recharge): a confirmed, off-session payment intent with
    /// <c>error_on_requires_action</c>. A card error is a result, not an exception; Stripe being unreachable throws
    /// <see cref="PaymentGatewayException"/>, and a retry with the same idempotency key cannot charge twice.
    /// </summary>
    Task<OffSessionResult> ChargeOffSessionAsync(OffSessionCharge charge, CancellationToken ct);

    /// <summary>
    /// The off-session charge an earlier attempt made, when its answer was lost: among the customer's payment intents
    /// created since <paramref name="since"/>, the one whose metadata <paramref name="metadataKey"/> is
    /// <paramref name="metadataValue"/> (not a checkout's); null when Stripe has none. Throws
    /// <see cref="PaymentGatewayException"/> when Stripe cannot be reached. A payment Stripe has not finished comes back
    /// <see cref="OffSessionResult.Processing"/>.
    /// </summary>
    Task<OffSessionResult?> FindOffSessionChargeAsync(
        string accountId, string customerId, string metadataKey, string metadataValue, DateTimeOffset since, CancellationToken ct);
}

public sealed record OffSessionCharge(
    string AccountId, string CustomerId, string PaymentMethodId, long Amount, string Currency, long ApplicationFee,
    string IdempotencyKey, string Description, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// <see cref="ErrorCode"/> is Stripe's (<c>authentication_required</c>, <c>card_declined</c>, ...) when it failed, or the
/// payment intent's status when it has not finished (<see cref="ProcessingStatus"/>).
/// </summary>
public sealed record OffSessionResult(bool Succeeded, string? PaymentIntentId, string? ErrorCode, string? Message)
{
    public const string ProcessingStatus = "processing";

    /// <summary>Stripe has neither charged nor declined it yet: it may still succeed.</summary>
    public bool Processing => !Succeeded && ErrorCode == ProcessingStatus;
}

/// <param name="LastError">Stripe's words for why the last attempt to pay failed (a declined card), if it did.</param>
public sealed record PaymentIntentStatus(
    string Id, string Status, long Amount, string Currency, long ApplicationFee, IReadOnlyDictionary<string, string> Metadata, string? LastError = null);

public sealed record ConnectedAccount(string Id, bool ChargesEnabled, bool DetailsSubmitted);

public sealed record CheckoutRequest(
    string AccountId, string IdempotencyKey, string Description, long Amount, string Currency, long ApplicationFee,
    string SuccessUrl, string CancelUrl, string CustomerEmail, string? CustomerId, IReadOnlyDictionary<string, string> Metadata);

public sealed record CheckoutSession(string Id, string Url);

public sealed record ChargeStatus(string Id, string? PaymentIntentId, long Amount, long AmountRefunded, string Currency);

public sealed record DisputeStatus(string Id, string Status, string? PaymentIntentId, long Amount, string? ChargeId = null);

public sealed record CheckoutStatus(
    string Id, string Status, string PaymentStatus, long? AmountTotal, string? Currency, string? PaymentIntentId, string? CustomerId)
{
    /// <summary>Stripe's own rule: a complete session is paid when its payment_status is paid or no_payment_required.</summary>
    public bool IsPaid => Status == "complete" && PaymentStatus is "paid" or "no_payment_required";
}

/// <summary>Stripe refused or could not be reached; the message is Stripe's, for the operator.</summary>
public sealed class PaymentGatewayException(string message, Exception? inner = null) : Exception(message, inner);
