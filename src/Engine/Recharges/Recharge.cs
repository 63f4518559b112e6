using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// One automatic top-up of a reselling sub-account: opened in the same transaction as the debit that left the balance
/// below the threshold, for <c>target - balance</c> credits, and closed once: granted, failed, expired or skipped.
/// The sub-account's <c>OpenRechargeId</c> points at it while it is open, so that there is never more than one.
/// </summary>
public sealed class Recharge
{
    private Recharge()
    {
    }

    public long Number { get; private set; }

    public RechargeId Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public SubAccountId SubAccountId { get; private set; }

    public RechargeProvider Provider { get; private set; }

    public RechargeState State { get; private set; }

    public long CreditsRequested { get; private set; }

    /// <summary>The balance right after the debit that opened it.</summary>
    public long BalanceAtOpen { get; private set; }

    public long ThresholdCredits { get; private set; }

    public long TargetCredits { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Webhook provider: when an ungranted recharge expires.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Stripe provider: the charge, in the agency's currency, and the platform's fee on it.</summary>
    public long? Amount { get; private set; }

    public string? Currency { get; private set; }

    public long? PlatformFee { get; private set; }

    /// <summary>Sent with the off-session charge, so that our own retries never charge twice.</summary>
    public string? StripeIdempotencyKey { get; private set; }

    public string? PaymentIntentId { get; private set; }

    /// <summary>A stable code for why it failed or was skipped (<c>authentication_required</c>, <c>card_declined</c>, ...).</summary>
    public string? FailureCode { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>Needs authentication: the checkout the client was emailed, to pay on-session.</summary>
    public string? RecoveryCheckoutUrl { get; private set; }

    public TransactionId? GrantTransactionId { get; private set; }

    public long? CreditsGranted { get; private set; }

    public DateTimeOffset? GrantedAt { get; private set; }

    /// <summary>Stripe provider: of the charge, what refunds and lost disputes took back so far, and its credits.</summary>
    public long AmountReversed { get; private set; }

    public long CreditsReversed { get; private set; }

    internal static Recharge Open(
        AgencyId agencyId, SubAccountId subAccountId, RechargeProvider provider, long balance, long threshold, long target,
        DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var id = RechargeId.New();
        return new Recharge
        {
            Id = id,
            AgencyId = agencyId,
            SubAccountId = subAccountId,
            Provider = provider,
            State = RechargeState.Open,
            CreditsRequested = target - balance,
            BalanceAtOpen = balance,
            ThresholdCredits = threshold,
            TargetCredits = target,
            OpenedAt = now,
            ExpiresAt = expiresAt,
            StripeIdempotencyKey = provider == RechargeProvider.Stripe ? $"rk-recharge-{id}" : null,
        };
    }

    internal void Note(string code, string reason)
    {
        FailureCode = code;
        FailureReason = reason;
    }
}
