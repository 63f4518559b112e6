using ResellerKit.Engine.Common;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>
/// How a reselling sub-account is topped up: when a debit leaves fewer than <see cref="ThresholdCredits"/>, one
/// recharge brings it back to <see cref="TargetCredits"/>, within a monthly spend cap (money, minor units of the
/// agency's currency) and a number of recharges per day.
/// </summary>
public sealed record AutoRechargeSettings(
    bool Enabled, RechargeProvider Provider, long ThresholdCredits, long TargetCredits, long? MonthlySpendCap = null, int? MaxPerDay = null)
{
    public const int MaxPerDayLimit = 100;

    public static FieldErrors Validate(
        FieldErrors errors, bool? enabled, RechargeProvider? provider, long? threshold, long? target, long? monthlySpendCap, int? maxPerDay) => errors
        .When(enabled is null, "autoRecharge.enabled", "enabled must be true or false.")
        .When(provider is not { } chosen || !Enum.IsDefined(chosen), "autoRecharge.provider", "provider must be \"stripe\" or \"webhook\".")
        .When(threshold is null or < 0, "autoRecharge.thresholdCredits", "thresholdCredits must be a whole number of credits from 0 up.")
        .When(target is null || target <= (threshold ?? 0) || target > Credits.Credits.MaxPerOperation, "autoRecharge.targetCredits",
            $"targetCredits must be more than thresholdCredits, and at most {Credits.Credits.MaxPerOperationInWords}.")
        .When(monthlySpendCap is < 1, "autoRecharge.monthlySpendCap",
            "monthlySpendCap must be an amount in minor units (cents) from 1 up, or null for no cap.")
        .When(maxPerDay is < 1 or > MaxPerDayLimit, "autoRecharge.maxPerDay", $"maxPerDay must be from 1 to {MaxPerDayLimit}, or null for no limit.");
}
