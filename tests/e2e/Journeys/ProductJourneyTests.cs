using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// Issue 9's first journeys in Chromium against the published app on its demo seed: a newcomer starts the product and
/// signs in with the login the banner printed; the agency sets up its packs, its theme and a client.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class ProductJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    [Fact]
    public async Task Newcomer_RunsTheProduct_AndSignsInWithTheBannersLogin_LandingOnTheDashboard()
    {
        demo.Banner.ShouldContain(DemoJourney.Owner);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(demo.BaseUrl + "/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/login"));
        await Chromium.ScreenshotAsync(page, "issue9-newcomer-login");

        await page.GetByLabel("Email").FillAsync(DemoJourney.Owner);
        await page.GetByLabel("Password").FillAsync(demo.PasswordOf(DemoJourney.Owner));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Brightside Digital");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Credits used by all sub-accounts" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Usage by sub-account" })).ToContainTextAsync("Acme Bakery");
        await Chromium.ScreenshotAsync(page, "issue9-newcomer-dashboard");
    }

    [Fact]
    public async Task Agency_AddsAPack_SeesItForSaleOnItsStorefront()
    {
        var agency = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        var name = "Journey Pack " + Guid.NewGuid().ToString("N")[..6];
        await agency.GotoAsync(journey.Url("/admin/packs"));
        var form = agency.GetByRole(AriaRole.Region, new() { Name = "Add a pack" });
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Credits", new() { Exact = true }).FillAsync("750");
        await form.GetByLabel("Price (e.g.").FillAsync("90.00");
        await form.GetByLabel("Currency", new() { Exact = true }).SelectOptionAsync("usd");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add pack" }).ClickAsync();

        await Assertions.Expect(agency.GetByRole(AriaRole.Status)).ToContainTextAsync($"Pack {name} added.");
        var row = agency.GetByRole(AriaRole.Table, new() { Name = "Packs" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("750");
        await Assertions.Expect(row).ToContainTextAsync("$90.00");
        await Assertions.Expect(row).ToContainTextAsync("On sale");
        await Chromium.ScreenshotAsync(agency, "issue9-packs");

        var shop = await chromium.NewPageAsync();
        await shop.GotoAsync(journey.ShopUrl("/"));
        var card = shop.GetByRole(AriaRole.Listitem).Filter(new() { Has = shop.GetByRole(AriaRole.Heading, new() { Name = name }) });
        await Assertions.Expect(card).ToContainTextAsync("750 credits");
        await Assertions.Expect(card).ToContainTextAsync("$90.00");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = $"Buy {name}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Agency_TweaksItsThemeAndPublishes_AndThePublicStorefrontShowsIt()
    {
        var agency = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        var headline = "Credits for busy clinics " + Guid.NewGuid().ToString("N")[..4];
        await agency.GotoAsync(journey.Url("/admin/theme"));
        var settings = agency.GetByRole(AriaRole.Region, new() { Name = "Theme settings" });
        await settings.GetByLabel("Accent (buttons, links)").FillAsync("#c2410c");
        await settings.GetByLabel("Headline (empty: the translated default)").FillAsync(headline);
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Assertions.Expect(agency.GetByRole(AriaRole.Status)).ToContainTextAsync("Theme settings saved to your draft.");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Region, new() { Name = "History" })).ToContainTextAsync("Brightside Owner");
        await Chromium.ScreenshotAsync(agency, "issue9-theme-settings");

        var shop = await chromium.NewPageAsync();
        await shop.GotoAsync(journey.ShopUrl("/"));
        await Assertions.Expect(shop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(headline);
        await Assertions.Expect(shop.GetByRole(AriaRole.Button, new() { Name = "Buy Starter" }))
            .ToHaveCSSAsync("background-color", "rgb(194, 65, 12)");
        await Chromium.ScreenshotAsync(shop, "issue9-storefront-themed");
    }

    [Fact]
    public async Task Agency_CreatesASubAccount_ThatAppearsInItsListWithItsOwnPage()
    {
        var agency = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        var name = "Journey Opticians " + Guid.NewGuid().ToString("N")[..6];
        await agency.GotoAsync(journey.Url("/admin/sub-accounts"));
        await agency.GetByLabel("Client name").FillAsync(name);
        await agency.GetByLabel("Client email").FillAsync($"journey-{Guid.NewGuid():N}@example.com");
        await agency.GetByLabel("Credits").SelectOptionAsync(new SelectOptionValue { Label = "Reselling: the client buys its own credits" });
        await agency.GetByRole(AriaRole.Button, new() { Name = "Create sub-account" }).ClickAsync();
        await agency.GetByRole(AriaRole.Dialog, new() { Name = $"{name} is ready" }).GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        await agency.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(agency.GetByRole(AriaRole.Region, new() { Name = "Auto-recharge" })).ToContainTextAsync("Not set up");
        await Chromium.ScreenshotAsync(agency, "issue9-new-sub-account");
    }

    public void Dispose() => journey.Dispose();
}
