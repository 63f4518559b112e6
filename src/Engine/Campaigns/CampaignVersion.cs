using System.Text.Json;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// One version of a campaign: everything it held after a change, numbered from 1, with what the change was
/// ("created", "edited", "updated from its template's version 3", "rolled back to version 2"). Never changed.
/// </summary>
public sealed class CampaignVersion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private CampaignVersion()
    {
    }

    public Guid Id { get; private set; }

    public CampaignId CampaignId { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public int Version { get; private set; }

    /// <summary>The campaign's content as JSON (name, settings, instructions, FAQs, configuration).</summary>
    public string Content { get; private set; } = "";

    public string Change { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public CampaignContent ToContent() => JsonSerializer.Deserialize<CampaignContent>(Content, Json)!;

    public static CampaignVersion Of(Campaign campaign, string change, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        CampaignId = campaign.Id,
        AgencyId = campaign.AgencyId,
        Version = campaign.Version,
        Content = JsonSerializer.Serialize(campaign.Content, Json),
        Change = change,
        CreatedAt = at,
    };
}
