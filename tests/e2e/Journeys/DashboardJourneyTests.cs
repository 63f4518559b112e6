using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// Issue 9's dashboards journey in Chromium: after a client buys and uses credits, the agency's dashboard, the
/// client's page in the agency's back office and the client's own dashboard show the figures and the charts.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class DashboardJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    [Fact]
    public async Task Dashboards_AfterAPurchaseAndUsage_ShowTheFiguresAndChartsToTheAgencyAndTheClient()
    {
        var agency = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        var sales = agency.GetByRole(AriaRole.Term).Filter(new() { HasText = "Sales (USD" });
        var purchasesBefore = await PurchaseCountAsync(sales);
        var client = await journey.NewClientAsync("Dashboard Dental");
        await journey.BuyAsync(client.Id, await journey.PackIdAsync("Growth"), 500, "issue9-dashboard-purchase");
        await journey.UseAsync(client.Id, 120, "journey-campaign");

        await agency.ReloadAsync();
        await Assertions.Expect(sales).ToHaveTextAsync($"Sales (USD, {purchasesBefore + 1} purchase{(purchasesBefore + 1 == 1 ? "" : "s")})");
        await Assertions.Expect(agency.GetByRole(AriaRole.Img, new() { Name = "Credits used by all sub-accounts" })).ToBeVisibleAsync();
        var ranking = agency.GetByRole(AriaRole.Table, new() { Name = "Usage by sub-account" }).GetByRole(AriaRole.Row).Filter(new() { HasText = client.Name });
        await Assertions.Expect(ranking).ToContainTextAsync("120");
        await Chromium.ScreenshotAsync(agency, "issue9-agency-dashboard");

        await ranking.GetByRole(AriaRole.Link, new() { Name = client.Name }).ClickAsync();
        var report = agency.GetByRole(AriaRole.Region, new() { Name = "Credits report" });
        await Assertions.Expect(Figure(report, "Credits bought")).ToHaveTextAsync("500");
        await Assertions.Expect(Figure(report, "Spent (USD, 1 purchase)")).ToHaveTextAsync("$60.00");
        await Assertions.Expect(Figure(report, "Credits used")).ToHaveTextAsync("120");
        await Assertions.Expect(Figure(report, "Credits left")).ToHaveTextAsync("380");
        await Assertions.Expect(report.GetByRole(AriaRole.Img, new() { Name = "Credits used over time: 120 credits in total" })).ToBeVisibleAsync();
        await Assertions.Expect(report.GetByRole(AriaRole.Table, new() { Name = "Usage by campaign" })).ToContainTextAsync("journey-campaign");
        var shown = agency.GetByRole(AriaRole.Region, new() { Name = "What the client sees" });
        await shown.GetByLabel("Credits bought and money spent").CheckAsync();
        await shown.GetByRole(AriaRole.Button, new() { Name = "Save what the client sees" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Status)).ToContainTextAsync("The client's dashboard now shows what you picked.");
        await Chromium.ScreenshotAsync(agency, "issue9-sub-account-report");

        var own = await journey.SignInToBackOfficeAsync(client.Email, client.Password);
        var yours = own.GetByRole(AriaRole.Region, new() { Name = "Your credits" });
        await Assertions.Expect(Figure(yours, "Credits bought")).ToHaveTextAsync("500");
        await Assertions.Expect(Figure(yours, "Credits used")).ToHaveTextAsync("120");
        await Assertions.Expect(Figure(yours, "Credits left")).ToHaveTextAsync("380");
        await Assertions.Expect(yours.GetByRole(AriaRole.Img, new() { Name = "Credits used over time: 120 credits in total" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(own, "issue9-client-dashboard");
    }

    /// <summary>The figure (dd) under a stat's label (dt).</summary>
    private static ILocator Figure(ILocator scope, string label) =>
        scope.GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(label) + "$") }).Locator("xpath=following-sibling::dd[1]");

    private static async Task<int> PurchaseCountAsync(ILocator sales) =>
        await sales.CountAsync() == 0 ? 0 : int.Parse(Regex.Match(await sales.InnerTextAsync(), @"(\d+) purchases?").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => journey.Dispose();
}
