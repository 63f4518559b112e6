namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// Everything a campaign holds, validated: its name, settings and configuration (compact JSON object text),
/// instructions and FAQs. A copy takes all of it.
/// </summary>
public sealed record CampaignContent(string Name, string Settings, string Instructions, IReadOnlyList<CampaignFaq> Faqs, string Configuration)
{
    /// <summary>A campaign holding nothing yet; a PATCH is validated against it before the campaign is loaded.</summary>
    public static CampaignContent Empty { get; } = new("", CampaignRules.EmptyObject, "", [], CampaignRules.EmptyObject);
}
