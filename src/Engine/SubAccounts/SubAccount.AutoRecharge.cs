using ResellerKit.Engine.Common;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>A sub-account's auto-recharge and low-balance alert settings, and the state they keep.</summary>
public sealed partial class SubAccount
{
    /// <summary>Auto-recharge as the agency configured it; null columns mean it was never set up.</summary>
    public bool AutoRechargeEnabled { get; private set; }

    public RechargeProvider? AutoRechargeProvider { get; private set; }

    public long AutoRechargeThreshold { get; private set; }

    public long AutoRechargeTarget { get; private set; }

    /// <summary>The most auto-recharge may charge in a calendar month (UTC), in minor units of the agency's currency.</summary>
    public long? AutoRechargeMonthlySpendCap { get; private set; }

    public int? AutoRechargeMaxPerDay { get; private set; }

    /// <summary>Failed Stripe recharges in a row; the third pauses auto-recharge.</summary>
    public int AutoRechargeFailures { get; private set; }

    public DateTimeOffset? AutoRechargePausedAt { get; private set; }

    public string? AutoRechargePauseReason { get; private set; }

    /// <summary>What caused the pause in force, if any: only one that failures caused lifts when a failed charge is paid.</summary>
    public AutoRechargePauseCause? AutoRechargePauseCause { get; private set; }

    /// <summary>Why the last dip below the threshold opened no recharge (a limit), and when.</summary>
    public string? AutoRechargeSkipReason { get; private set; }

    public DateTimeOffset? AutoRechargeSkippedAt { get; private set; }

    /// <summary>The month (yyyyMM) in which the spend cap was reached; no Stripe recharge opens again in it.</summary>
    public int AutoRechargeCapReachedMonth { get; private set; }

    /// <summary>The one open recharge, if any. Set by a conditional UPDATE in the debit's transaction, cleared when it closes.</summary>
    public RechargeId? OpenRechargeId { get; private set; }

    /// <summary>Low-balance alerts: below this many credits, the client and <see cref="LowBalanceRecipients"/> are told, once a day.</summary>
    public long? LowBalanceThreshold { get; private set; }

    /// <summary>Extra addresses for low-balance alerts, comma-separated.</summary>
    public string? LowBalanceRecipients { get; private set; }

    public DateTimeOffset? LowBalanceAlertedAt { get; private set; }

    public AutoRechargeSettings? AutoRecharge => AutoRechargeProvider is { } provider
        ? new AutoRechargeSettings(AutoRechargeEnabled, provider, AutoRechargeThreshold, AutoRechargeTarget, AutoRechargeMonthlySpendCap, AutoRechargeMaxPerDay)
        : null;

    public LowBalanceAlert? LowBalanceAlert => LowBalanceThreshold is { } threshold
        ? new LowBalanceAlert(threshold, LowBalanceRecipients?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [])
        : null;

    /// <summary>New settings also resume a paused auto-recharge and forget its failures and limits.</summary>
    public void ConfigureAutoRecharge(AutoRechargeSettings? settings)
    {
        AutoRechargeEnabled = settings?.Enabled ?? false;
        AutoRechargeProvider = settings?.Provider;
        AutoRechargeThreshold = settings?.ThresholdCredits ?? 0;
        AutoRechargeTarget = settings?.TargetCredits ?? 0;
        AutoRechargeMonthlySpendCap = settings?.MonthlySpendCap;
        AutoRechargeMaxPerDay = settings?.MaxPerDay;
        AutoRechargeFailures = 0;
        AutoRechargePausedAt = null;
        AutoRechargePauseReason = null;
        AutoRechargePauseCause = null;
        AutoRechargeSkipReason = null;
        AutoRechargeSkippedAt = null;
        AutoRechargeCapReachedMonth = 0;
    }

    public void ConfigureLowBalanceAlert(LowBalanceAlert? alert)
    {
        LowBalanceThreshold = alert?.ThresholdCredits;
        LowBalanceRecipients = alert is { Recipients.Count: > 0 } a ? string.Join(',', a.Recipients.Select(Input.NormalizeEmail)) : null;
    }
}
