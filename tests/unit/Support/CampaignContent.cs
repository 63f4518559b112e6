using System.Text.Json;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>A campaign with every part filled in, and comparing what two campaigns hold, for the campaign API tests.</summary>
public static class CampaignContent
{
    public static readonly object Everything = new
    {
        name = "Spring launch",
        settings = new { tone = "friendly", channels = new[] { "sms", "email" }, limits = new { perDay = 3, quietHours = new[] { 22, 7 } } },
        instructions = "Greet by first name.\nNever promise discounts.",
        faqs = new[] { new { question = "Do you ship abroad?", answer = "Yes, to the EU." }, new { question = "Returns?", answer = "Within 30 days." } },
        configuration = new { model = "small", temperature = 0.2, stop = new[] { "END" }, nested = new { deep = new { deeper = true } } },
    };

    /// <summary><see cref="Everything"/>, held by this sub-account.</summary>
    public static object WithOwner(string subAccountId)
    {
        var body = JsonSerializer.SerializeToNode(Everything)!.AsObject();
        body["subAccountId"] = subAccountId;
        return body;
    }

    // Everything a campaign holds, compared as JSON: name, settings, instructions, FAQs and configuration.
    public static bool SameContent(JsonElement a, JsonElement b) =>
        new[] { "name", "settings", "instructions", "faqs", "configuration" }.All(p => SameJson(a.GetProperty(p), b.GetProperty(p)));

    public static bool SameJson(JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b);
}
