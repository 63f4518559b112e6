using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>
/// A client with the widget open on its agency's site (another origin), reaching the Storefront through the load
/// balancer. The page records when the widget goes offline, so that a test can wait for it to come back.
/// </summary>
public sealed class WidgetBuyer(IPage page, string email)
{
    public string Email => email;

    public static async Task<WidgetBuyer> OpenAsync(IBrowser browser, ForeignSite site, string balancer)
    {
        using var platform = new ResellerKitApi(balancer, Storm.PlatformKey);
        var slug = "widget-" + Guid.NewGuid().ToString("N")[..8];
        var created = await platform.PostAsync("/api/v1/agencies", new { name = "Brightside Digital", slug, ownerEmail = $"owner@{slug}.example" });
        using var agency = new ResellerKitApi(balancer, created.GetProperty("apiKey").GetString()!);
        await agency.PostAsync("/api/v1/packs", new { name = "Starter", credits = 100, unitAmount = 1_500, currency = "usd" });
        var email = $"hello@{slug}.example";
        var client = (await agency.PostAsync("/api/v1/sub-accounts", new { name = "Bluebird Dental", email, creditMode = "reselling" })).GetProperty("id").GetString()!;
        await agency.SendAsync(HttpMethod.Put, "/api/v1/agency/widget-origins", new { origins = new[] { site.Origin } }, System.Net.HttpStatusCode.OK);
        var secret = (await agency.PostAsync("/api/v1/widget-sessions", new { subAccountId = client })).GetProperty("clientSecret").GetString()!;

        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Embed($"/portal-{slug}", balancer, slug, secret));
        await Assertions.Expect(BuyButton(page)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.EvaluateAsync("""
            () => new MutationObserver(() => {
              if (document.querySelector('resellerkit-credits').hasAttribute('data-offline')) window.widgetWentOffline = true;
            }).observe(document.querySelector('resellerkit-credits'), { attributes: true })
            """);
        return new WidgetBuyer(page, email);
    }

    /// <summary>Waits for the widget to go offline and come back, then buys Starter on the sandbox's checkout page.</summary>
    public async Task BuysStarterAsync()
    {
        await page.WaitForFunctionAsync(
            "() => window.widgetWentOffline && !document.querySelector('resellerkit-credits').hasAttribute('data-offline')",
            null, new() { Timeout = 60_000, PollingInterval = 200 });
        var buy = BuyButton(page);
        await Assertions.Expect(buy).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var checkout = await page.RunAndWaitForPopupAsync(() => buy.ClickAsync(), new() { Timeout = 30_000 });
        await checkout.WaitForLoadStateAsync();
        await checkout.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        try
        {
            await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("100 credits", new() { Timeout = 60_000 });
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "issue19-widget-after-failover");
            await Chromium.ScreenshotAsync(checkout, "issue19-checkout-after-failover");
        }
    }

    private static ILocator BuyButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter", Exact = true });
}
