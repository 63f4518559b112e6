namespace ResellerKit.Engine.Webhooks;

/// <summary>The events an agency's endpoint can subscribe to (shared/API.md).</summary>
public static class WebhookEventTypes
{
    public const string RechargeRequested = "credit.recharge_requested";
    public const string BalanceLow = "credit.balance_low";
    public const string Purchased = "credit.purchased";
    public const string SubAccountCreated = "sub_account.created";

    public static IReadOnlyList<string> All { get; } = [RechargeRequested, BalanceLow, Purchased, SubAccountCreated];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
