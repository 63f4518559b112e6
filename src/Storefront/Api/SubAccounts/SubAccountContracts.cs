using ResellerKit.Engine.Common;
using ResellerKit.Engine.Reports;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Storefront.Api.SubAccounts;

public sealed record CreateSubAccountRequest(string? Name, string? Email, CreditMode? CreditMode);

public sealed record UpdateSubAccountRequest(
    Optional<string?> Name, Optional<CreditMode?> CreditMode, Optional<bool?> Paused, Optional<long?> UsageCapPerMonth,
    Optional<ReportMetricName[]?> Reports);

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

    public static SubAccountResponse From(SubAccount s) =>
        new(s.Id, s.Name, s.Email, s.Ownership, s.CreditMode, s.Paused, s.UsageCapPerMonth, s.DebtCredits, s.CreatedAt)
        {
            Reports = Enum.GetValues<ReportMetricName>().Where(m => s.ReportMetrics.HasFlag(Metric(m))).ToList(),
        };

    public static ReportMetrics Metric(ReportMetricName name) => Enum.Parse<ReportMetrics>(name.ToString());
}

public sealed record CreatedSubAccountResponse(
    SubAccountId Id, string Name, string Email, Ownership Ownership, CreditMode CreditMode, bool Paused,
    long? UsageCapPerMonth, long DebtCredits, DateTimeOffset CreatedAt, string InitialPassword)
    : SubAccountResponse(Id, Name, Email, Ownership, CreditMode, Paused, UsageCapPerMonth, DebtCredits, CreatedAt);

public sealed record BalanceResponse(CreditMode CreditMode, long? Balance, long HeldBalance, long UsedThisMonth, long? UsageCapPerMonth)
{
    public static BalanceResponse From(Balance b) => new(b.CreditMode, b.Credits, b.HeldCredits, b.UsedThisMonth, b.UsageCapPerMonth);
}
