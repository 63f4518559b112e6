using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Engine.Reports;

/// <summary>
/// One day's ledger movements of one kind, for one sub-account (or the agency pool) and one campaign, summed. The
/// dashboards read these instead of millions of ledger rows.
/// </summary>
public sealed class UsageRollup
{
    private UsageRollup()
    {
    }

    public long Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public SubAccountId? SubAccountId { get; private set; }

    /// <summary>The UTC day as yyyyMMdd.</summary>
    public int Day { get; private set; }

    public TransactionType Type { get; private set; }

    public string? CampaignId { get; private set; }

    /// <summary>Signed, as on the ledger: usage is negative.</summary>
    public long Credits { get; private set; }

    public int Count { get; private set; }

    public static UsageRollup Create(RollupKey key) => new()
    {
        AgencyId = key.AgencyId, SubAccountId = key.SubAccountId, Day = key.Day, Type = key.Type, CampaignId = key.CampaignId,
    };

    internal void Add(long credits, int count)
    {
        Credits += credits;
        Count += count;
    }

    public RollupKey Key => new(AgencyId, SubAccountId, Day, Type, CampaignId);
}

public readonly record struct RollupKey(AgencyId AgencyId, SubAccountId? SubAccountId, int Day, TransactionType Type, string? CampaignId)
{
    public static int DayOf(DateTimeOffset at) => at.UtcDateTime.Year * 10_000 + at.UtcDateTime.Month * 100 + at.UtcDateTime.Day;

    public static DateOnly DateOf(int day) => new(day / 10_000, day / 100 % 100, day % 100);
}
