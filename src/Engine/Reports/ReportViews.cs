using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Reports;

public sealed record UsagePoint(DateOnly Start, long Credits);

public sealed record SubAccountUsage(SubAccountId SubAccountId, string Name, long Credits);

public sealed record CampaignUsage(string Campaign, long Credits);

/// <summary>Money taken in one currency: what clients paid, and the platform's fee out of it.</summary>
public sealed record Revenue(string Currency, long Amount, long PlatformFee, int Purchases);

public sealed record AgencyDashboard(long UsedCredits, IReadOnlyList<UsagePoint> Series, IReadOnlyList<SubAccountUsage> Ranking, IReadOnlyList<Revenue> Revenue);

/// <summary>One client's credits: bought (and what it cost), consumed, what is left, the trend, and which campaigns used them.</summary>
public sealed record SubAccountReport(
    long PurchasedCredits, IReadOnlyList<Revenue> Spend, long ConsumedCredits, long RemainingCredits,
    IReadOnlyList<UsagePoint> Trend, IReadOnlyList<CampaignUsage> Campaigns);
