using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Storefront;

/// <summary>
/// Issue 16: a wide 160x40 logo rendered at 32x8 px in the storefront header. Seen in Chromium in both built-in themes,
/// at 1280 and 375 px: sized by height (32 px), its width following its shape. Its own demo process, since it changes
/// the demo agency's branding and base theme.
/// </summary>
public sealed class StorefrontLogoTests(DemoStorefront demo, Chromium chromium) : IClassFixture<DemoStorefront>, IClassFixture<Chromium>
{
    private const string LogoUrl = "https://logo.test/wide-160x40.svg";

    private const string WideLogo =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"40\" viewBox=\"0 0 160 40\"><rect width=\"160\" height=\"40\" fill=\"#e11d48\"/></svg>";

    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task StorefrontHeader_WideLogo_KeepsItsShapeAtTheHeaderHeight(string theme)
    {
        using var journey = new DemoJourney(demo, chromium);
        await journey.Agency.SendAsync(HttpMethod.Put, "/api/v1/theme/base", new { baseTheme = theme });
        await journey.Agency.SendAsync(HttpMethod.Patch, "/api/v1/agency", new { logoUrl = LogoUrl });
        var page = await chromium.NewPageAsync();
        await page.RouteAsync(LogoUrl, route => route.FulfillAsync(new() { Status = 200, ContentType = "image/svg+xml", Body = WideLogo }));

        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.GotoAsync(journey.ShopUrl("/"));
            var logo = page.Locator("header img");
            await Assertions.Expect(logo).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('header img').complete");
            var box = (await logo.BoundingBoxAsync())!;

            box.Height.ShouldBe(32, 0.5, $"at {width} px");
            box.Width.ShouldBe(128, 0.5, $"a 160x40 logo at 32 px high is 128 px wide, at {width} px");
            await Chromium.ScreenshotAsync(page, $"issue16-{theme}-logo-{width}");
        }
        await page.Context.CloseAsync();
    }
}
