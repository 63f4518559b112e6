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

    /// <summary>
    /// The team and the audit log stack on a phone as packs, purchases and transactions do: each row a card, each value
    /// named by its column; neither table scrolls sideways inside its box.
    /// </summary>
    [Theory]
    [InlineData("/admin/team", "Team members")]
    [InlineData("/admin/audit", "Audit log")]
    public async Task TeamAndAuditLog_At375Pixels_StackEachRowWithoutScrollingSideways(string path, string table)
    {
        var page = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await page.SetViewportSizeAsync(Phone, 800);

        await page.GotoAsync(journey.Url(path));
        var box = page.GetByRole(AriaRole.Table, new() { Name = table });
        var widths = await box.EvaluateAsync<int[]>("t => [t.scrollWidth, t.clientWidth]");
        var labels = await box.Locator("td[data-label]").EvaluateAllAsync<string[]>(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)");
        await Chromium.ScreenshotAsync(page, $"phone-stack{path.Replace('/', '-')}");

        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"{table} scrolls sideways: {widths[0]} px inside {widths[1]} px");
        labels.ShouldNotBeEmpty();
        labels.ShouldNotContain("none", "each value is named by its column");
    }

    /// <summary>
    /// A client's name may have 200 characters; the Transactions filter's Sub-account drop-down, as wide as its longest
    /// option, kept the page 1,000 px and more wide on a phone. It stays within the screen, and so does the page.
    /// </summary>
    [Fact]
    public async Task Transactions_WithAClientOfALongName_At375Pixels_KeepTheSubAccountFilterWithinTheScreen()
    {
        await journey.NewClientAsync(string.Join(' ', Enumerable.Repeat("Northwestern Regional Dental and Orthodontic Partners", 3)));
        var page = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await page.SetViewportSizeAsync(Phone, 800);

        await page.GotoAsync(journey.Url("/admin/transactions"));
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var filter = await page.GetByRole(AriaRole.Form, new() { Name = "Filter transactions" }).GetByRole(AriaRole.Combobox).First.BoundingBoxAsync();
        await Chromium.ScreenshotAsync(page, "phone-transactions-long-client-name");

        width.ShouldBeLessThanOrEqualTo(Phone, "the page scrolls sideways");
        filter.ShouldNotBeNull();
        (filter.X + filter.Width).ShouldBeLessThanOrEqualTo(Phone, "the Sub-account drop-down ends off the screen");
    }

    public void Dispose() => journey.Dispose();
}
