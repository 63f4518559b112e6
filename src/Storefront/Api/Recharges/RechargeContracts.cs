using ResellerKit.Engine.Common;
using ResellerKit.Engine.Recharges;
using ResellerKit.Storefront.Api.Webhooks;

namespace ResellerKit.Storefront.Api.Recharges;

/// <summary>One recharge in the log: what was asked, how it ended, the webhook deliveries that carried it, and its grant.</summary>
public sealed record RechargeResponse(
    RechargeId Id, SubAccountId SubAccountId, RechargeProvider Provider, RechargeState State, long CreditsRequested, long BalanceAtOpen,
    long ThresholdCredits, long TargetCredits, long? Amount, string? Currency, string? PaymentIntentId, string? FailureCode,
    string? FailureReason, string? RecoveryUrl, DateTimeOffset OpenedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? ClosedAt,
    RechargeGrantResponse? Grant, IReadOnlyList<WebhookDeliveryResponse> Deliveries)
{
    public static RechargeResponse From(RechargeLogEntry entry)
    {
        var r = entry.Recharge;
        return new(r.Id, r.SubAccountId, r.Provider, r.State, r.CreditsRequested, r.BalanceAtOpen, r.ThresholdCredits, r.TargetCredits,
            r.Amount, r.Currency, r.PaymentIntentId, r.FailureCode, r.FailureReason, r.RecoveryCheckoutUrl, r.OpenedAt, r.ExpiresAt, r.ClosedAt,
            r.GrantTransactionId is { } tx ? new RechargeGrantResponse(tx, r.CreditsGranted ?? 0, r.GrantedAt) : null,
            entry.Deliveries.Select(WebhookDeliveryResponse.From).ToList());
    }
}

public sealed record RechargeGrantResponse(TransactionId TransactionId, long Credits, DateTimeOffset? GrantedAt);
