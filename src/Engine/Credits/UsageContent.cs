using System.Text.Json;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// What a usage debit said besides its credits. A batch event's id sent again alone, as the single route's key, is
/// the same debit only when it says the same (the single route compares whole request bodies, which an event has not).
/// </summary>
public sealed record UsageContent(string? Description, string? CampaignId, string? ContactId, string? MetadataJson)
{
    public static UsageContent Of(UsageCommand command) => new(command.Description, command.CampaignId, command.ContactId, command.MetadataJson);

    /// <summary>
    /// Whether <paramref name="command"/> says the same: the same texts, and metadata with the same members and values
    /// however it is laid out (indentation, member order, escapes), since each route's body lays it out its own way.
    /// </summary>
    public bool SaidAgainBy(UsageCommand command)
    {
        if (Description != command.Description || CampaignId != command.CampaignId || ContactId != command.ContactId)
        {
            return false;
        }
        var sent = command.Metadata is { ValueKind: JsonValueKind.Object } metadata ? metadata : (JsonElement?)null;
        if (MetadataJson is null || sent is null)
        {
            return MetadataJson is null && sent is null;
        }
        using var kept = JsonDocument.Parse(MetadataJson);
        return JsonElement.DeepEquals(kept.RootElement, sent.Value);
    }
}
