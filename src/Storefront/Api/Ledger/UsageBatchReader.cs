using System.Text.Json;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Storefront.Api.Idempotency;

namespace ResellerKit.Storefront.Api.Ledger;

/// <summary>
/// Reads a usage batch. A malformed envelope (not an object with 1 to 1,000 events that are objects) is a 400 for the
/// whole request; a bad field inside one event only refuses that event (<c>validation_failed</c>), so the others still
/// apply, as they would on the single route.
/// </summary>
public static class UsageBatchReader
{
    public static Result<UsageBatch> Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return ValidationFailed.For("events", "The body must be { \"events\": [ ... ] }.");
        }
        var count = events.GetArrayLength();
        if (count is < 1 or > RecordUsageBatch.MaxEvents)
        {
            return ValidationFailed.For("events", $"Send 1 to {RecordUsageBatch.MaxEvents:N0} events in one batch; this one has {count:N0}.");
        }
        var items = new List<UsageBatchItem>(count);
        foreach (var (item, index) in events.EnumerateArray().Select((e, i) => (e, i)))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return ValidationFailed.For($"events[{index}]", "Each event must be a JSON object.");
            }
            items.Add(ReadEvent(item));
        }
        return new UsageBatch(items);
    }

    private static UsageBatchItem ReadEvent(JsonElement item)
    {
        var id = Text(item, "id");
        var problems = new FieldErrors()
            .When(id is not { } key || IdempotencyFilter.InvalidKey(key) is not null, "id",
                $"id is required: 1 to {IdempotencyFilter.MaxKeyLength} printable characters, unique per event.")
            .When(!SubAccountId.TryParse(Text(item, "subAccountId"), out _), "subAccountId", "subAccountId must be the id of one of your sub-accounts.")
            .When(!item.TryGetProperty("credits", out var credits) || credits.ValueKind != JsonValueKind.Number || !credits.TryGetInt64(out _),
                "credits", "credits must be a whole number.");
        foreach (var field in new[] { "description", "campaignId", "contactId" })
        {
            problems.When(item.TryGetProperty(field, out var v) && v.ValueKind is not (JsonValueKind.String or JsonValueKind.Null), field, $"{field} must be a string.");
        }
        if (problems.Any)
        {
            return new UsageBatchItem(id, null, problems.ToError());
        }
        SubAccountId.TryParse(Text(item, "subAccountId"), out var subAccountId);
        var command = new UsageCommand(new Credits(item.GetProperty("credits").GetInt64()), Text(item, "description"),
            Text(item, "campaignId"), Text(item, "contactId"), item.TryGetProperty("metadata", out var metadata) ? metadata : (JsonElement?)null);
        return new UsageBatchItem(id, new UsageEvent(id, subAccountId, command), null);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>One event as read: what the Engine applies, or why it was refused before that.</summary>
public sealed record UsageBatchItem(string? Id, UsageEvent? Event, Error? Invalid);

/// <summary>A batch as read, in request order.</summary>
public sealed record UsageBatch(IReadOnlyList<UsageBatchItem> Items)
{
    public IReadOnlyList<UsageEvent> Events { get; } = Items.Where(i => i.Event is not null).Select(i => i.Event!).ToList();

    /// <summary>The answer, in request order: the Engine's result for each valid event, the refusal for each invalid one.</summary>
    public UsageBatchResponse Answer(IReadOnlyList<UsageResult> applied)
    {
        var next = 0;
        return new UsageBatchResponse(Items.Select(i => UsageBatchResult.From(i.Id,
            i.Event is null ? UsageResult.Refused(i.Invalid!) : applied[next++])).ToList());
    }
}
