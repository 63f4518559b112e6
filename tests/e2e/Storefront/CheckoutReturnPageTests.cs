using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Storefront;

/// <summary>
/// Issue 15: the checkout return page said "your credits are on the way" and never changed (or reloaded itself every
/// three seconds). Paid by bank transfer, which settles a few seconds after Pay, the page is shown while still
/// pending; it then shows the credits added and the new balance in place, without a reload, in both built-in themes.
/// Its own demo process, so switching the base theme disturbs no other test.
/// </summary>
public sealed class CheckoutReturnPageTests(DemoStorefront demo, Chromium chromium) : IClassFixture<DemoStorefront>, IClassFixture<Chromium>
{
    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task ReturnPage_WhileThePaymentSettles_ShowsTheNewBalanceWithoutAReload(string theme)
    {
        using var journey = new DemoJourney(demo, chromium);
        await journey.Agency.SendAsync(HttpMethod.Put, "/api/v1/theme/base", new { baseTheme = theme });
        var page = await journey.SignInToShopAsync(DemoJourney.Client, demo.PasswordOf(DemoJourney.Client));

        await page.GotoAsync(demo.ShopUrl + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter" }).ClickAsync();
        await page.GetByLabel("Bank transfer — settles a few seconds later").CheckAsync();
        await DemoJourney.PayAsync(page, $"issue15-{theme}-sandbox-bank-transfer");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/checkout/return\\?session_id="));
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("your credits are on the way");
        await Chromium.ScreenshotAsync(page, $"issue15-{theme}-checkout-return-pending");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var documentLoads = 0;
        page.Request += (_, request) => documentLoads += request.ResourceType == "document" && request.Frame == page.MainFrame ? 1 : 0;

        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync(new Regex(@"\d[\d,]* credits added, new balance [\d,]+\."), new() { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, $"issue15-{theme}-checkout-return-updated");

        (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).ShouldBeTrue("the page updated in place");
        documentLoads.ShouldBe(0, "no navigation or reload happened");
        var shown = Regex.Match(await status.InnerTextAsync(), @"new balance ([\d,]+)").Groups[1].Value;
        await page.GotoAsync(demo.ShopUrl + "/account");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(shown);
        await page.Context.CloseAsync();
    }
}
