using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Storefront;

/// <summary>
/// Every page of both built-in themes, rendered with the demo data by the published app and seen in Chromium, with a
/// screenshot of each saved as an artifact. Its own demo process, so switching the base theme disturbs no other test.
/// </summary>
public sealed class ThemeGalleryTests(DemoStorefront demo, Chromium chromium) : IClassFixture<DemoStorefront>, IClassFixture<Chromium>
{
    private const string Client = "hello@bluebird-dental.example";

    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task EveryPage_InEachBuiltInTheme_RendersTheDemoAgencysShop(string theme)
    {
        await UseBaseThemeAsync(theme);
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(demo.BaseUrl + "/s/demo/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Top up your credits" })).ToBeVisibleAsync();
        foreach (var pack in new[] { "Starter", "Growth", "Scale" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Buy {pack}" })).ToBeVisibleAsync();
        }
        (await StylesheetAsync(page)).ShouldBe(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "src", "Themes", "BuiltIn", theme, "assets", "theme.css"), Ct),
            $"the shop is dressed in {theme}");
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-index");

        await page.GotoAsync(demo.BaseUrl + "/s/demo/sign-in");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-sign-in");

        var passwordForm = page.GetByRole(AriaRole.Region, new() { Name = "With your password" });
        await passwordForm.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync(Client);
        await passwordForm.GetByRole(AriaRole.Textbox, new() { Name = "Password" }).FillAsync(demo.PasswordOf(Client));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/s/demo/account$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My account" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-account");

        var missing = await page.GotoAsync(demo.BaseUrl + "/s/demo/no-such-page");
        missing!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, $"issue5-{theme}-404");
        await page.Context.CloseAsync();
    }

    private async Task UseBaseThemeAsync(string theme)
    {
        using var api = new HttpClient { BaseAddress = new Uri(demo.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.AgencyKey);
        var response = await api.PutAsJsonAsync("/api/v1/theme/base", new { baseTheme = theme }, Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<string> StylesheetAsync(IPage page)
    {
        var href = await page.Locator("link[rel=stylesheet]").First.GetAttributeAsync("href");
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
        return await response.TextAsync();
    }
}
