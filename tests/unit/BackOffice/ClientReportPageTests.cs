using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// The client's own dashboard in the back office, signed in as the client: it shows exactly the metrics its agency
/// picked with <c>PATCH /api/v1/sub-accounts/{id}</c> <c>reports</c>, with the right figures, and none when the
/// client's plan leaves reports out.
/// </summary>
public sealed partial class ClientReportPageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("campaigns")]
    [InlineData("usage", "balance")]
    [InlineData("purchases")]
    [InlineData("usage", "purchases", "balance", "campaigns")]
    public async Task ClientDashboard_ShowsExactlyTheMetricsTheAgencyPicked(params string[] reports)
    {
        var (agency, client) = await ClientWithHistoryAsync();
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{client.SubAccountId}", new { reports }, Ct)).EnsureSuccessStatusCode();
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (status, html) = await browser.GetAsync("/admin");

        status.ShouldBe(HttpStatusCode.OK);
        var figures = Figures(html);
        var shown = new Dictionary<string, bool>
        {
            ["usage"] = figures.ContainsKey("Credits used") && html.Contains("Credits used over time", StringComparison.Ordinal),
            ["purchases"] = figures.ContainsKey("Credits bought") && figures.Keys.Any(k => k.StartsWith("Spent", StringComparison.Ordinal)),
            ["balance"] = figures.ContainsKey("Credits left"),
            ["campaigns"] = html.Contains("aria-label=\"Usage by campaign\"", StringComparison.Ordinal),
        };
        shown.Where(s => s.Value).Select(s => s.Key).ShouldBe(reports, ignoreOrder: true);
        figures.Keys.ShouldBeSubsetOf(["Credits", "Credits used", "Credits bought", "Spent (USD, 1 purchase)", "Credits left"]);
        if (reports.Contains("usage")) figures["Credits used"].ShouldBe("30");
        if (reports.Contains("purchases")) (figures["Credits bought"], figures["Spent (USD, 1 purchase)"]).ShouldBe(("100", "$15.00"));
        if (reports.Contains("balance")) figures["Credits left"].ShouldBe("70");
        if (reports.Contains("campaigns")) html.ShouldContain("<tr><td>spring-launch</td><td class=\"num\">20</td></tr>");
    }

    [Fact]
    public async Task ClientDashboard_WhenThePlanLeavesReportsOut_ShowsNoFigures()
    {
        var (agency, client) = await ClientWithHistoryAsync();
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{client.SubAccountId}",
            new { reports = new[] { "usage", "purchases", "balance", "campaigns" } }, Ct)).EnsureSuccessStatusCode();
        await api.AssignPlanAsync(agency, client.SubAccountId, Features.All & ~Features.Reports);
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (status, html) = await browser.GetAsync("/admin");

        status.ShouldBe(HttpStatusCode.OK);
        Figures(html).Keys.ShouldBe(["Credits"]);
        html.ShouldNotContain("Credits used over time");
        html.ShouldNotContain("Usage by campaign");
    }

    // A reselling client that bought 100 credits for $15 and used 30 of them: 20 for one campaign, 10 for none.
    private async Task<(TestAgency Agency, TestClient Client)> ClientWithHistoryAsync()
    {
        await api.SetMinimumAsync("usd", "0.5", "0.4");
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        await api.BuyStarterPackAsync(agency, client.SubAccountId);
        foreach (var (credits, campaignId) in new[] { (20, "spring-launch"), (10, (string?)null) })
        {
            (await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{client.SubAccountId}/usage", new { credits, campaignId }, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        return (agency, client);
    }

    private static Dictionary<string, string> Figures(string html) =>
        Figure().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("<dt>([^<]+)</dt><dd>([^<]*)</dd>")]
    private static partial Regex Figure();
}
