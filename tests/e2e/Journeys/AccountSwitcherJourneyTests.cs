using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// The account switcher in Chromium: every text in the top bar, the open switcher and the navigation meets WCAG AA
/// (4.5:1) against what is really behind it, at 1280 and 375 px; it opens and closes from the keyboard (Escape puts
/// focus back on its button); the owner opens a sub-account from it and returns; the platform admin lands on the platform.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class AccountSwitcherJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    // Each text node's colour against the first opaque background behind it, as the browser computed them.
    private const string LowContrastScript = """
        selector => {
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length === 3 || c[3] > 0.5) return c; } return [255, 255, 255]; };
          const bad = [];
          for (const root of document.querySelectorAll(selector)) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n; (n = walker.nextNode());) {
              const el = n.parentElement, text = n.textContent.trim();
              if (!text || !el.checkVisibility() || el.closest('.visually-hidden, .skip')) continue;
              const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
              const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              if (ratio < 4.5) bad.push(`${text} (${ratio.toFixed(2)}:1)`);
            }
          }
          return bad;
        }
        """;

    [Theory]
    [InlineData(DemoJourney.Owner, 1280)]
    [InlineData(DemoJourney.Owner, 375)]
    [InlineData(DemoStorefront.PlatformAdmin, 1280)]
    [InlineData(DemoJourney.Client, 375)]
    public async Task Switcher_OpenFromTheKeyboard_EveryTextMeetsAaContrastAndEscapeClosesIt(string user, int width)
    {
        var page = await journey.SignInToBackOfficeAsync(user, demo.PasswordOf(user));
        await page.SetViewportSizeAsync(width, 800);
        await page.GotoAsync(journey.Url("/admin"));
        var summary = page.Locator("details.switcher > summary");

        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".switcher-menu")).ToBeVisibleAsync();
        var lowContrast = await page.EvaluateAsync<string[]>(LowContrastScript, ".topbar, .switcher-menu, .sidenav");
        var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await Chromium.ScreenshotAsync(page, $"issue16-switcher-{user.Split('@')[0]}-{width}");
        await page.Keyboard.PressAsync("Escape");

        lowContrast.ShouldBeEmpty(string.Join("\n", lowContrast));
        wide.ShouldBeLessThanOrEqualTo(width, "the open switcher fits the screen");
        await Assertions.Expect(page.Locator(".switcher-menu")).ToBeHiddenAsync();
        (await summary.EvaluateAsync<bool>("s => document.activeElement === s")).ShouldBeTrue("focus returns to the switcher's button");
    }

    [Fact]
    public async Task Switcher_Owner_OpensASubAccountAndReturnsToTheAgencyFromTheSameList()
    {
        var page = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await page.GotoAsync(journey.Url("/admin"));

        await page.Locator("details.switcher > summary").ClickAsync();
        await page.Locator(".switcher-menu").GetByRole(AriaRole.Button, new() { Name = "Cobalt Fitness" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Assist mode:")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "issue16-switcher-in-sub-account");
        await page.Locator("details.switcher > summary").ClickAsync();
        await page.Locator(".switcher-menu").GetByRole(AriaRole.Button, new() { Name = "Return to Brightside Digital" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Assist mode:")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("details.switcher > summary")).ToContainTextAsync("Brightside Digital");
    }

    [Fact]
    public async Task Landing_PlatformAdmin_LandsOnThePlatformWorkspace()
    {
        var page = await journey.SignInToBackOfficeAsync(DemoStorefront.PlatformAdmin, demo.PasswordOf(DemoStorefront.PlatformAdmin));

        await page.GotoAsync(journey.Url("/admin/platform/prices"));

        await Assertions.Expect(page.Locator("details.switcher > summary")).ToContainTextAsync("Platform");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not available here" })).ToHaveCountAsync(0);
    }

    public void Dispose() => journey.Dispose();
}
