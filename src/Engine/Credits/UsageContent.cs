namespace ResellerKit.Engine.Credits;

/// <summary>
/// What a usage debit said besides its credits. A batch event's id sent again alone, as the single route's key, is
/// the same debit only when it says the same (the single route compares whole request bodies, which an event has not).
/// </summary>
public sealed record UsageContent(string? Description, string? CampaignId, string? ContactId, string? MetadataJson)
{
    public static UsageContent Of(UsageCommand command) => new(command.Description, command.CampaignId, command.ContactId, command.MetadataJson);
}
