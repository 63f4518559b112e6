using System.Net;
using System.Net.Http.Json;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Widget steps: an agency that sells a Starter pack to a reselling client on its own site, and that client's secret.</summary>
public static class WidgetDriver
{
    /// <summary>The agency's own site, which it allows to embed the widget.</summary>
    public const string Site = "https://www.agency-site.example";

    /// <summary>A platform floor, an agency (with a display name when given) with a Starter pack, a reselling client, and <see cref="Site"/> allowed.</summary>
    public static async Task<(TestAgency Agency, string Client, string Pack)> WidgetResellerAsync(
        this ApiFixture api, string currency = "usd", string? displayName = null)
    {
        await api.SetMinimumAsync(currency, "0.5", "0.4");
        var agency = await api.CreateAgencyAsync();
        if (displayName is not null)
        {
            await (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { displayName }, Ct)).ExpectAsync(HttpStatusCode.OK);
        }
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500, currency);
        var client = await agency.CreateSubAccountAsync("reselling");
        await (await agency.Client.PutAsJsonAsync("/api/v1/agency/widget-origins", new { origins = new[] { Site } }, Ct)).ExpectAsync(HttpStatusCode.OK);
        return (agency, client, pack);
    }

    /// <summary>A widget session's client secret for the client, as the agency's server asks for one.</summary>
    public static async Task<string> WidgetSecretAsync(this TestAgency agency, string client) =>
        (await (await agency.Client.PostAsJsonAsync("/api/v1/widget-sessions", new { subAccountId = client }, Ct))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("clientSecret").GetString()!;
}
