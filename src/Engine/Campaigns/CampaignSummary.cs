using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Campaigns;

/// <summary>A campaign in a list: who holds it, its name and origin, without the (up to 64 KB) JSON it holds.</summary>
public sealed record CampaignSummary(
    CampaignId Id, SubAccountId? SubAccountId, string Name, CampaignId? CopiedFromId, string? CopiedFrom,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
