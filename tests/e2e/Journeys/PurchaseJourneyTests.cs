using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// Issue 9's buying journeys in Chromium: the demo client buys on the agency's storefront and in the widget on the
/// agency's own website, paying on the built-in Stripe sandbox's hosted checkout page each time.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class PurchaseJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    [Fact]
    public async Task Client_BuysAPackOnTheStorefront_TheBalanceGoesUp_AndABrandedReceiptArrives()
    {
        var pack = await journey.NewPackAsync();
        var client = await journey.SubAccountIdAsync(DemoJourney.Client);
        var before = await journey.BalanceAsync(client);
        var page = await journey.SignInToShopAsync(DemoJourney.Client, demo.PasswordOf(DemoJourney.Client));
        var balance = page.GetByRole(AriaRole.Definition).First;
        await Assertions.Expect(balance).ToHaveTextAsync($"{DemoJourney.Credits(before)} credits");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Buy credits" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Buy {pack.Name}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/stripe-sandbox/checkout/"));
        await DemoJourney.PayAsync(page, "issue9-storefront-checkout");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you!" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Main))
            .ToContainTextAsync($"{DemoJourney.Credits(pack.Credits)} credits added, new balance {DemoJourney.Credits(before + pack.Credits)}");
        await Chromium.ScreenshotAsync(page, "issue9-storefront-thank-you");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to my account" }).ClickAsync();
        await Assertions.Expect(balance).ToHaveTextAsync($"{DemoJourney.Credits(before + pack.Credits)} credits");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Purchases" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = $"{pack.Credits}" })).ToContainTextAsync("$");
        await Chromium.ScreenshotAsync(page, "issue9-storefront-account");

        var receipt = await demo.Mail.WaitForAsync(DemoJourney.Client, $"Receipt: {pack.Credits} credits from Brightside Digital");
        var mail = await chromium.NewPageAsync();
        await mail.SetContentAsync(receipt.GetProperty("html").GetString()!);
        var footer = mail.GetByRole(AriaRole.Contentinfo);
        await Assertions.Expect(footer).ToContainTextAsync("Brightside Digital");
        // The demo agency set no support address: the footer offers none, and never the owner's sign-in address.
        await Assertions.Expect(footer).Not.ToContainTextAsync(DemoJourney.Owner);
        (receipt.GetProperty("html").GetString()!).ShouldNotContain(DemoJourney.Owner);
        await Chromium.ScreenshotAsync(mail, "issue9-receipt-email");

        var agency = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await agency.GotoAsync(journey.Url("/admin/purchases"));
        var row = agency.GetByRole(AriaRole.Table, new() { Name = "Purchases" }).GetByRole(AriaRole.Row).Filter(new() { HasText = pack.Name });
        await Assertions.Expect(row).ToContainTextAsync("Bluebird Dental");
        await Assertions.Expect(row).ToContainTextAsync("Fulfilled");
        await Chromium.ScreenshotAsync(agency, "issue4-purchase-list");
    }

    [Fact]
    public async Task Client_BuysInTheWidgetOnTheAgencysOwnSite_AndTheWidgetShowsTheNewBalance()
    {
        await using var site = new ForeignSite();
        await journey.Agency.SendAsync(HttpMethod.Put, "/api/v1/agency/widget-origins", new { origins = new[] { site.Origin } });
        var client = await journey.SubAccountIdAsync(DemoJourney.Client);
        var before = await journey.BalanceAsync(client);
        var session = await journey.Agency.SendAsync(HttpMethod.Post, "/api/v1/widget-sessions", new { subAccountId = client });
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(site.Embed("/portal", demo.BaseUrl, "demo", session.GetProperty("clientSecret").GetString()));
        var buy = page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter", Exact = true });
        await Assertions.Expect(buy).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText($"{DemoJourney.Credits(before)} credits", new() { Exact = true })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "issue9-widget-before");
        var checkout = await page.RunAndWaitForPopupAsync(() => buy.ClickAsync());
        await DemoJourney.PayAsync(checkout, "issue9-widget-checkout");

        await Assertions.Expect(page.GetByText($"{DemoJourney.Credits(before + 100)} credits", new() { Exact = true }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Payment received" })).ToHaveTextAsync("Payment received: 100 credits added.");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "purchase-completed" })).ToHaveCountAsync(1);
        (await journey.BalanceAsync(client)).ShouldBe(before + 100);
        await Chromium.ScreenshotAsync(page, "issue9-widget-after");
    }

    public void Dispose() => journey.Dispose();
}
