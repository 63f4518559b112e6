using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// The back office fits a phone: at 375 px every page the agency owner or the platform admin can reach from the navigation is no wider than
/// the screen (wide tables scroll inside their own box), and "Sign out" is on screen.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class PhoneWidthTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private const int Phone = 375;

    private readonly DemoJourney journey = new(demo, chromium);

    [Theory]
    [InlineData(DemoJourney.Owner)]
    [InlineData(DemoStorefront.PlatformAdmin)]
    public async Task EveryBackOfficePage_At375Pixels_IsNoWiderThanTheScreen(string user)
    {
        var page = await journey.SignInToBackOfficeAsync(user, demo.PasswordOf(user));
        await page.SetViewportSizeAsync(Phone, 800);
        var links = await page.GetByRole(AriaRole.Navigation, new() { Name = "Back office" }).GetByRole(AriaRole.Link)
            .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var tooWide = new List<string>();

        foreach (var href in links.Distinct())
        {
            await page.GotoAsync(journey.Url(href));
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var signOut = await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).BoundingBoxAsync();
            if (width > Phone || signOut is null || signOut.X + signOut.Width > Phone)
            {
                tooWide.Add($"{href}: {width} px wide, Sign out ends at {(signOut is null ? "nowhere" : signOut.X + signOut.Width)} px");
                await Chromium.ScreenshotAsync(page, $"issue16-phone{href.Replace('/', '-')}");
            }
        }

        links.Length.ShouldBeGreaterThanOrEqualTo(3, "the navigation was read (the platform admin's has three pages)");
        tooWide.ShouldBeEmpty(string.Join("\n", tooWide));
    }

    public void Dispose() => journey.Dispose();
}
