using System.Text.Json;
using ResellerKit.Engine.Campaigns;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Api.Campaigns;

public sealed record FaqRequest(string? Question, string? Answer)
{
    public static IReadOnlyList<FaqInput?>? ToInputs(IReadOnlyList<FaqRequest?>? faqs) =>
        faqs?.Select(f => f is null ? null : new FaqInput(f.Question, f.Answer)).ToList();
}

public sealed record CreateCampaignRequest(
    string? Name, SubAccountId? SubAccountId, JsonElement? Settings, string? Instructions, IReadOnlyList<FaqRequest?>? Faqs, JsonElement? Configuration)
{
    public CreateCampaignCommand ToCommand() => new(Name, SubAccountId, Settings, Instructions, FaqRequest.ToInputs(Faqs), Configuration);
}

public sealed record UpdateCampaignRequest(
    Optional<string?> Name, Optional<JsonElement?> Settings, Optional<string?> Instructions,
    Optional<IReadOnlyList<FaqRequest?>?> Faqs, Optional<JsonElement?> Configuration)
{
    public UpdateCampaignCommand ToCommand() => new(Name, Settings, Instructions,
        Faqs.IsSet ? new Optional<IReadOnlyList<FaqInput?>?>(true, FaqRequest.ToInputs(Faqs.Value)) : default,
        Configuration);
}

public sealed record CopyCampaignRequest(SubAccountId? TargetSubAccountId, bool? Linked);

public sealed record PushCampaignRequest(IReadOnlyList<SubAccountId>? SubAccountIds, bool? Force);

public sealed record PushCampaignResponse(IReadOnlyList<CampaignId> Updated, IReadOnlyList<SkippedCopy> Skipped);

public sealed record RollbackCampaignRequest(int? Version);

public sealed record CampaignVersionResponse(int Version, string Change, DateTimeOffset CreatedAt);

/// <summary>
/// A whole campaign. <c>subAccountId</c> is null for the agency's own. <c>version</c> counts its changes; a linked copy
/// names its <c>templateId</c>, the template's version it last took, and whether it was <c>editedLocally</c> since.
/// </summary>
public sealed record CampaignResponse(
    CampaignId Id, SubAccountId? SubAccountId, string Name, JsonElement Settings, string Instructions,
    IReadOnlyList<CampaignFaq> Faqs, JsonElement Configuration, CampaignId? CopiedFromId, string? CopiedFrom,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, CampaignId? TemplateId, int? TemplateVersion, bool EditedLocally)
{
    public static CampaignResponse From(Campaign c) => new(
        c.Id, c.SubAccountId, c.Name, JsonSerializer.Deserialize<JsonElement>(c.Settings), c.Instructions, c.Faqs,
        JsonSerializer.Deserialize<JsonElement>(c.Configuration), c.CopiedFromId, c.CopiedFrom, c.CreatedAt, c.UpdatedAt,
        c.Version, c.TemplateId, c.TemplateVersion, c.EditedLocally);
}

/// <summary>A campaign in a list, without its settings, instructions, FAQs and configuration (GET it for those).</summary>
public sealed record CampaignSummaryResponse(
    CampaignId Id, SubAccountId? SubAccountId, string Name, CampaignId? CopiedFromId, string? CopiedFrom,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CampaignSummaryResponse From(CampaignSummary c) =>
        new(c.Id, c.SubAccountId, c.Name, c.CopiedFromId, c.CopiedFrom, c.CreatedAt, c.UpdatedAt);
}
