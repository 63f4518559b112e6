using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Storefront;

/// <summary>
/// Every page of both built-in themes (index, sign-in, account, checkout return and cancel, 404), rendered with the
/// demo data by the published app and seen in Chromium, with a screenshot of each saved as an artifact. Its own demo process, so switching the base theme disturbs no other test.
/// </summary>
public sealed class ThemeGalleryTests(DemoStorefront demo, Chromium chromium) : IClassFixture<DemoStorefront>, IClassFixture<Chromium>
{
    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task EveryPage_InEachBuiltInTheme_RendersTheDemoAgencysShop(string theme)
    {
        using var journey = new DemoJourney(demo, chromium);
        await journey.Agency.SendAsync(HttpMethod.Put, "/api/v1/theme/base", new { baseTheme = theme });
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(demo.ShopUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Top up your credits" })).ToBeVisibleAsync();
        foreach (var pack in new[] { "Starter", "Growth", "Scale" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Buy {pack}" })).ToBeVisibleAsync();
        }
        (await StylesheetAsync(page)).ShouldBe(await ThemeCssAsync(theme), $"the shop is dressed in {theme}");
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-index");

        await page.GotoAsync(demo.ShopUrl + "/sign-in");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-sign-in");

        await page.Context.CloseAsync();

        page = await journey.SignInToShopAsync(DemoJourney.Client, demo.PasswordOf(DemoJourney.Client));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My account" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-account");

        await page.GotoAsync(demo.ShopUrl + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter" }).ClickAsync();
        await DemoJourney.PayAsync(page, $"issue5-{theme}-sandbox-checkout");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/checkout/return\\?session_id="));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you!" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("credits added", new() { Timeout = 30_000 });
        (await StylesheetAsync(page)).ShouldBe(await ThemeCssAsync(theme), $"the return page is dressed in {theme}");
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-checkout-return");

        await page.GotoAsync(demo.ShopUrl + "/checkout/cancel"); // no purchase named: nothing is closed
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This checkout is still open" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-checkout-cancel");

        var missing = await page.GotoAsync(demo.ShopUrl + "/no-such-page");
        missing!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-404");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Issue 16: the <i>Scale</i> card touched the <i>Any amount</i> card, and the hero's mark stayed indigo after the
    /// agency changed the theme's accent.
    /// </summary>
    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task IndexPage_InEachBuiltInTheme_KeepsTheCardsApartAndPaintsTheMarkInTheAccent(string theme)
    {
        using var journey = new DemoJourney(demo, chromium);
        await journey.Agency.SendAsync(HttpMethod.Put, "/api/v1/theme/base", new { baseTheme = theme });
        await journey.Agency.SendAsync(HttpMethod.Put, "/api/v1/theme/settings", new { accent_color = "#ff6600" });
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(demo.ShopUrl + "/");
        var lastPack = await page.Locator(".pack-card").Last.BoundingBoxAsync();
        var anyAmount = await page.Locator(".custom-quantity").BoundingBoxAsync();
        // Slate shows no mark; aurora's is drawn in the accent.
        var markFill = theme == "aurora" ? await page.Locator(".hero-mark circle").EvaluateAsync<string>("c => getComputedStyle(c).fill") : null;
        await Chromium.ScreenshotAsync(page, $"issue16-{theme}-index-accent");
        await page.Context.CloseAsync();

        (anyAmount!.Y - (lastPack!.Y + lastPack.Height)).ShouldBeGreaterThanOrEqualTo(12, "the Any amount card keeps its distance from the packs");
        markFill.ShouldBe(theme == "aurora" ? "rgb(255, 102, 0)" : null);
    }

    /// <summary>
    /// On a phone the account page's tables (recent activity and purchases) stack in each built-in theme: each row a
    /// block, each value named by its column, and nothing scrolls sideways inside its box.
    /// </summary>
    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task AccountPage_InEachBuiltInThemeAt375Pixels_StacksItsTablesWithoutScrollingSideways(string theme)
    {
        using var journey = new DemoJourney(demo, chromium);
        await journey.Agency.SendAsync(HttpMethod.Put, "/api/v1/theme/base", new { baseTheme = theme });
        var page = await journey.SignInToShopAsync(DemoJourney.Client, demo.PasswordOf(DemoJourney.Client));
        await page.GotoAsync(demo.ShopUrl + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter" }).ClickAsync();
        await DemoJourney.PayAsync(page, $"phone-{theme}-sandbox-checkout");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you!" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync(demo.ShopUrl + "/account");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Purchases" })).ToBeVisibleAsync();
        var boxes = await page.Locator("table").EvaluateAllAsync<int[][]>(
            "tables => tables.map(t => [t.parentElement.scrollWidth, t.parentElement.clientWidth])");
        var labels = await page.Locator("section[aria-labelledby='purchases-title'] td").EvaluateAllAsync<string[]>(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)");
        await Chromium.ScreenshotAsync(page, $"phone-{theme}-account-375");

        boxes.Length.ShouldBe(2, "recent activity and purchases");
        boxes.Where(b => b[0] > b[1]).Select(b => $"a table scrolls sideways: {b[0]} px inside {b[1]} px").ShouldBeEmpty();
        labels.ShouldContain("\"Date\"");
        labels.ShouldContain("\"Status\"");
    }

    private static Task<string> ThemeCssAsync(string theme) =>
        File.ReadAllTextAsync(Path.Combine(Repository.Root, "src", "Themes", "BuiltIn", theme, "assets", "theme.css"), Ct);

    private static async Task<string> StylesheetAsync(IPage page)
    {
        var href = await page.Locator("link[rel=stylesheet]").First.GetAttributeAsync("href");
        // Fetched by the page itself: Chromium resolves *.localhost, Playwright's own request client does not.
        return await page.EvaluateAsync<string>("href => fetch(href).then(r => r.text())", href);
    }
}
