namespace ResellerKit.Engine.Recharges;

/// <summary>The <c>Recharge</c> section.</summary>
public sealed class RechargeOptions
{
    public const string Section = "Recharge";

    /// <summary>How long the agency's server has to grant a <c>credit.recharge_requested</c> before the recharge expires.</summary>
    public TimeSpan WebhookGrantTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the background job looks for recharges to expire.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed Stripe recharges in a row that pause auto-recharge.</summary>
    public int MaxConsecutiveFailures { get; set; } = 3;

    /// <summary>At most one low-balance alert per sub-account in this period.</summary>
    public TimeSpan LowBalanceAlertInterval { get; set; } = TimeSpan.FromDays(1);
}
