using System.Text.Json;
using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Storefront.Api.Ledger;

/// <summary>The body of <c>POST /api/v1/usage/batch</c> (documentation only: the route reads it leniently, event by event).</summary>
public sealed record UsageBatchRequest(IReadOnlyList<UsageBatchEvent> Events);

public sealed record UsageBatchEvent(
    string Id, SubAccountId SubAccountId, long Credits, string? Description, string? CampaignId, string? ContactId, JsonElement? Metadata);

public sealed record UsageBatchResponse(IReadOnlyList<UsageBatchResult> Results);

/// <summary>One event's outcome; <c>transactionId</c> for applied and duplicate, <c>code</c> and <c>detail</c> for refused.</summary>
public sealed record UsageBatchResult(
    string? Id,
    UsageStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransactionId? TransactionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail)
{
    public static UsageBatchResult From(string? id, UsageResult result) =>
        new(id, result.Status, result.TransactionId, result.Error?.Code, result.Error?.Detail);
}
