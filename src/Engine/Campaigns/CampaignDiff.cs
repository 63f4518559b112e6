namespace ResellerKit.Engine.Campaigns;

/// <summary>Which of a campaign's fields differ between two of its contents, in the API's names, in the order a campaign lists them.</summary>
public static class CampaignDiff
{
    public const string Name = "name";
    public const string Settings = "settings";
    public const string Instructions = "instructions";
    public const string Faqs = "faqs";
    public const string Configuration = "configuration";

    public static IReadOnlyList<string> Fields(CampaignContent from, CampaignContent to)
    {
        var fields = new List<string>();
        if (from.Name != to.Name) fields.Add(Name);
        if (from.Settings != to.Settings) fields.Add(Settings);
        if (from.Instructions != to.Instructions) fields.Add(Instructions);
        if (!from.Faqs.SequenceEqual(to.Faqs)) fields.Add(Faqs);
        if (from.Configuration != to.Configuration) fields.Add(Configuration);
        return fields;
    }
}
