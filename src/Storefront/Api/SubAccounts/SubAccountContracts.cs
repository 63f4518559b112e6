using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Reports;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Storefront.Api.SubAccounts;

public sealed record CreateSubAccountRequest(string? Name, string? Email, CreditMode? CreditMode);

/// <summary>
/// The body of <c>PATCH /sub-accounts/{id}</c>. A field it does not know is refused (400 naming it), never skipped: a
/// misspelt <c>paused</c> or cap would otherwise answer 200 and change nothing.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UpdateSubAccountRequest(
    Optional<string?> Name, Optional<CreditMode?> CreditMode, Optional<bool?> Paused, Optional<long?> UsageCapPerMonth,
    Optional<AutoRechargeInput?> AutoRecharge, Optional<LowBalanceAlertInput?> LowBalanceAlert, Optional<ReportMetricName[]?> Reports,
    Optional<Guid?> PlanId);

/// <summary>The metrics a client may see on its dashboard, as the API names them.</summary>
public enum ReportMetricName
{
    Usage,
    Purchases,
    Balance,
    Campaigns,
}

public record SubAccountResponse(
    SubAccountId Id, string Name, string Email, Ownership Ownership, CreditMode CreditMode, bool Paused,
    long? UsageCapPerMonth, long DebtCredits, DateTimeOffset CreatedAt)
{
    public IReadOnlyList<ReportMetricName> Reports { get; init; } = [];

    /// <summary>The sub-account's plan, or null when it has none (then every feature the platform grants is on).</summary>
    public Guid? PlanId { get; init; }

    public AutoRechargeResponse? AutoRecharge { get; init; }

    public LowBalanceAlertResponse? LowBalanceAlert { get; init; }

    public static SubAccountResponse From(SubAccount s) =>
        new(s.Id, s.Name, s.Email, s.Ownership, s.CreditMode, s.Paused, s.UsageCapPerMonth, s.DebtCredits, s.CreatedAt)
        {
            PlanId = s.PlanId,
            Reports = Enum.GetValues<ReportMetricName>().Where(m => s.ReportMetrics.HasFlag(Metric(m))).ToList(),
            AutoRecharge = AutoRechargeResponse.From(s),
            LowBalanceAlert = s.LowBalanceAlert is { } a ? new LowBalanceAlertResponse(a.ThresholdCredits, a.Recipients, s.LowBalanceAlertedAt) : null,
        };

    public static ReportMetrics Metric(ReportMetricName name) => Enum.Parse<ReportMetrics>(name.ToString());
}

/// <summary>The settings as saved, and what auto-recharge is doing: failures in a row, a pause, the last limit that held it back, the open recharge.</summary>
public sealed record AutoRechargeResponse(
    bool Enabled, RechargeProvider Provider, long ThresholdCredits, long TargetCredits, long? MonthlySpendCap, int? MaxPerDay,
    int ConsecutiveFailures, DateTimeOffset? PausedAt, string? PauseReason, string? LastSkipReason, DateTimeOffset? LastSkippedAt,
    RechargeId? OpenRechargeId)
{
    public static AutoRechargeResponse? From(SubAccount s) => s.AutoRecharge is { } a
        ? new(a.Enabled, a.Provider, a.ThresholdCredits, a.TargetCredits, a.MonthlySpendCap, a.MaxPerDay, s.AutoRechargeFailures,
            s.AutoRechargePausedAt, s.AutoRechargePauseReason, s.AutoRechargeSkipReason, s.AutoRechargeSkippedAt, s.OpenRechargeId)
        : null;
}

public sealed record LowBalanceAlertResponse(long ThresholdCredits, IReadOnlyList<string> Recipients, DateTimeOffset? LastAlertedAt);

public sealed record CreatedSubAccountResponse(
    SubAccountId Id, string Name, string Email, Ownership Ownership, CreditMode CreditMode, bool Paused,
    long? UsageCapPerMonth, long DebtCredits, DateTimeOffset CreatedAt, string InitialPassword)
    : SubAccountResponse(Id, Name, Email, Ownership, CreditMode, Paused, UsageCapPerMonth, DebtCredits, CreatedAt);

public sealed record BalanceResponse(CreditMode CreditMode, long? Balance, long HeldBalance, long UsedThisMonth, long? UsageCapPerMonth)
{
    public static BalanceResponse From(Balance b) => new(b.CreditMode, b.Credits, b.HeldCredits, b.UsedThisMonth, b.UsageCapPerMonth);
}
