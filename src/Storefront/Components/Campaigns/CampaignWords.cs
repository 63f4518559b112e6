using System.Globalization;
using System.Text.Json;
using ResellerKit.Engine.Campaigns;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;
using ResellerKit.Storefront.BackOffice;

namespace ResellerKit.Storefront.Components.Campaigns;

/// <summary>
/// The campaign pages' words: a field as a person reads it (JSON indented, FAQs as questions and answers), a push's
/// outcome in a sentence, and a refused push or rollback in words.
/// </summary>
public static class CampaignWords
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Label(string field) => FieldLabels.For(field);

    public static string Text(CampaignContent content, string field) => field switch
    {
        CampaignDiff.Name => content.Name,
        CampaignDiff.Settings => Json(content.Settings),
        CampaignDiff.Instructions => content.Instructions,
        CampaignDiff.Faqs => string.Join("\n\n", content.Faqs.Select(f => $"Q: {f.Question}\nA: {f.Answer}")),
        CampaignDiff.Configuration => Json(content.Configuration),
        _ => "",
    };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"Updated 1 copy: Bluebird Dental. Skipped 1 because it was edited locally: Acme Bakery."</summary>
    public static string Pushed(PushedCampaign result, IReadOnlyDictionary<CampaignId, string> holders)
    {
        string Names(IEnumerable<CampaignId> ids) => string.Join(", ", ids.Select(id => holders.GetValueOrDefault(id, "a sub-account")));
        var sentences = new List<string>
        {
            result.Updated.Count == 0 ? "Updated no copies." : $"Updated {Copies(result.Updated.Count)}: {Names(result.Updated)}.",
        };
        foreach (var (reason, one, many) in SkipReasons)
        {
            var ids = result.Skipped.Where(s => s.Reason == reason).Select(s => s.CopyId).ToList();
            if (ids.Count > 0)
            {
                sentences.Add($"Skipped {ids.Count} because {(ids.Count == 1 ? one : many)}: {Names(ids)}.");
            }
        }
        return string.Join(" ", sentences);
    }

    // Why a push skipped a copy, said of one copy and of several.
    private static readonly (string Reason, string One, string Many)[] SkipReasons =
    [
        (SkippedCopy.EditedLocally, "it was edited locally", "they were edited locally"),
        (SkippedCopy.UpToDate, "it is already up to date", "they are already up to date"),
        (SkippedCopy.CampaignsOff, "its plan has Campaigns switched off", "their plans have Campaigns switched off"),
    ];

    public static string Copies(int count) => count == 1 ? "1 copy" : $"{count.ToString(CultureInfo.InvariantCulture)} copies";

    public static string Refused(Error error) => error switch
    {
        NotFound { Resource: "version" } => "That version does not exist for this campaign. Choose one from the list.",
        NotFound => "This campaign no longer exists, or is not yours.",
        FeatureOff => "The plan of the sub-account that holds this campaign has Campaigns switched off, so the campaign cannot change.",
        var e => FieldLabels.Words(e),
    };

    private static string Json(string compact)
    {
        using var document = JsonDocument.Parse(compact);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }
}
