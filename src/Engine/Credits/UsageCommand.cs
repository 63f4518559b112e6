using System.Text.Json;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>Credits a sub-account spent, and on what: the campaign and contact behind the charge, and free metadata.</summary>
public sealed record UsageCommand(
    Credits Credits, string? Description = null, string? CampaignId = null, string? ContactId = null, JsonElement? Metadata = null)
{
    public const int MaxMetadataBytes = 4096;

    /// <summary>What is wrong with the command, if anything; a valid one (every debit on the hot path) builds no message.</summary>
    public FieldErrors Validate()
    {
        var metadata = Metadata is { ValueKind: not JsonValueKind.Null } m ? m.GetRawText() : null;
        return new FieldErrors()
            .When(Credits.Units is < 1 or > Credits.MaxPerOperation, "credits",
                () => $"credits must be a whole number from 1 to {Credits.MaxPerOperationInWords}.")
            .Text("description", Description, Input.MaxTextLength)
            .When(CampaignId is { Length: > 100 } or "", "campaignId", "campaignId must be 1 to 100 characters.")
            .Text("campaignId", CampaignId, 100)
            .When(ContactId is { Length: > 100 } or "", "contactId", "contactId must be 1 to 100 characters.")
            .Text("contactId", ContactId, 100)
            .When(Metadata is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) }, "metadata", "metadata must be a JSON object.")
            .When(metadata is { Length: > MaxMetadataBytes }, "metadata", () => $"metadata may be at most {MaxMetadataBytes} bytes of JSON.");
    }

    public string? MetadataJson => Metadata is { ValueKind: JsonValueKind.Object } m ? m.GetRawText() : null;
}
