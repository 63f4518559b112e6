using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>The filters of the transaction history; every one is optional.</summary>
public sealed record TransactionFilter(
    SubAccountId? SubAccountId = null,
    string? CampaignId = null,
    string? ContactId = null,
    TransactionType? Type = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);
