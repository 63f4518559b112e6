using System.Text.Json;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Widget;

/// <summary>
/// The drop-in widget on an agency's own website: a plain page on another origin with the two lines, against the
/// published Storefront and real Chromium. Buying goes through the built-in Stripe sandbox's checkout page.
/// </summary>
public sealed class WidgetEmbedTests(WidgetHost host) : IClassFixture<WidgetHost>
{
    private StorefrontProcess storefront => host.Storefront;
    private IBrowser browser => host.Browser;
    private ForeignSite site => host.Site;
    private ForeignSite stranger => host.Stranger;

    [Fact]
    public async Task Widget_OnAnAllowedForeignPage_BuysStarterAndShowsTheNewBalanceWithoutReload()
    {
        var (agency, slug, client) = await StorefrontApi.ResellerAsync(storefront.BaseUrl, site.Origin);
        var url = site.Embed("/portal", storefront.BaseUrl, slug, await agency.ClientSecretAsync(client));
        var page = await browser.NewPageAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

        await page.GotoAsync(url);
        var buy = page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter", Exact = true });
        await Assertions.Expect(buy).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var checkout = await page.RunAndWaitForPopupAsync(() => buy.ClickAsync());
        await checkout.WaitForLoadStateAsync();
        await checkout.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("100 credits", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("purchase-completed");
        navigations.ShouldBe(1, "the balance must update without reloading the agency's page");
        new Uri(checkout.Url).Host.ShouldBe($"{slug}.localhost", "after paying, the buyer lands on the agency's own storefront origin");
        (await page.Locator("iframe").CountAsync()).ShouldBe(0, "the widget is never an iframe");
    }

    /// <summary>
    /// The first screen (rendered on the Storefront, before the circuit is live) is the agency's, and its Buy button
    /// works: here Blazor's script is held back until after the click, so only the first screen can have started the
    /// checkout; the live widget then takes that checkout over and shows the credits when they land.
    /// </summary>
    [Fact]
    public async Task Widget_BuyClickedBeforeTheCircuitIsLive_StartsTheAgencysCheckout_AndTheLiveWidgetShowsTheCredits()
    {
        var (_, _, page, checkout, release) = await BuyOnTheFirstScreenAsync("/early");

        var widget = page.Locator("resellerkit-credits");
        await Assertions.Expect(widget.Locator("h2")).ToHaveTextAsync("Brightside Digital");
        (await widget.InnerTextAsync()).ShouldNotContain("ResellerKit");
        await Assertions.Expect(widget.GetByRole(AriaRole.Status)).ToContainTextAsync("Complete your payment in the checkout tab");
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("purchase-started");
        (await page.EvaluateAsync<bool>("() => !!window.Blazor")).ShouldBeFalse("the click was served before Blazor's script arrived");
        release.SetResult();
        await checkout.WaitForLoadStateAsync();
        await checkout.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("100 credits", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("purchase-completed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Artifacts("screenshots"), "widget-early-click.png"), FullPage = true });
    }

    /// <summary>
    /// The buyer pays before the live widget has started (Blazor's script is held back until the agency's return page
    /// has shown): the live widget reports the purchase as completed, with the new balance, as soon as it starts.
    /// </summary>
    [Fact]
    public async Task Widget_PaidBeforeTheCircuitIsLive_ReportsThePurchaseCompletedWhenItStarts()
    {
        var (agency, client, page, checkout, release) = await BuyOnTheFirstScreenAsync("/paid-early");

        await checkout.WaitForLoadStateAsync();
        await checkout.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        var balance = await Poll.UntilAsync(async () => (await agency.SendAsync(HttpMethod.Get, $"/api/v1/sub-accounts/{client}/balance")).GetProperty("balance").GetInt64(),
            credits => credits == 100, TimeSpan.FromSeconds(30));
        balance.ShouldBe(100, "the credits landed before the live widget started");
        release.SetResult();

        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("100 credits", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("purchase-completed");
        await Assertions.Expect(page.Locator("resellerkit-credits").GetByRole(AriaRole.Status)).ToContainTextAsync("100 credits added");
    }

    /// <summary>
    /// The buyer clicks Buy on the first screen just as the circuit is adding the live widget (here that add is held
    /// until after the click, as a slow server or network would hold it): the live widget that then replaces the
    /// first screen takes the checkout over, and shows the credits when they land rather than a balance that never moves.
    /// </summary>
    [Fact]
    public async Task Widget_BuyClickedWhileTheLiveWidgetIsBeingAdded_TheLiveWidgetWatchesThatCheckout()
    {
        var (agency, slug, client) = await StorefrontApi.ResellerAsync(storefront.BaseUrl, site.Origin);
        var page = await browser.NewPageAsync();
        await page.AddInitScriptAsync(HoldTheLiveWidgetsAdd);
        var firstScreen = new TaskCompletionSource();
        await page.RouteAsync("**/_framework/blazor.server.js", async route => { await firstScreen.Task; await route.ContinueAsync(); });
        await page.GotoAsync(site.Embed("/adding", storefront.BaseUrl, slug, await agency.ClientSecretAsync(client)), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var buy = page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter", Exact = true });
        await Assertions.Expect(buy).ToBeEnabledAsync(new() { Timeout = 20_000 });
        firstScreen.SetResult(); // the first screen shows; now the circuit starts, up to adding the live widget
        await page.WaitForFunctionAsync("() => window.liveWidgetAdding", null, new() { Timeout = 20_000 });

        var checkout = await page.RunAndWaitForPopupAsync(() => buy.ClickAsync());
        var widget = page.Locator("resellerkit-credits");
        await Assertions.Expect(widget.GetByRole(AriaRole.Status)).ToContainTextAsync("Complete your payment in the checkout tab");
        await page.EvaluateAsync("() => window.addLiveWidget()");
        await checkout.WaitForLoadStateAsync();
        await checkout.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("100 credits", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("purchase-completed");
        (await page.EvaluateAsync<bool>("() => window.liveWidgetAdded")).ShouldBeTrue("the live widget, not the first screen, shows the credits");
    }

    // Holds Blazor's rootComponents.add (the live widget's start on the circuit) until the page calls addLiveWidget().
    private const string HoldTheLiveWidgetsAdd = """
        (() => {
          let blazor, release;
          const held = new Promise(r => release = r);
          window.addLiveWidget = () => release();
          Object.defineProperty(window, 'Blazor', {
            configurable: true,
            set(value) { blazor = value; },
            get() {
              const roots = blazor?.rootComponents;
              if (roots && !roots.held) {
                const add = roots.add.bind(roots);
                roots.held = true;
                roots.add = async (...args) => {
                  window.liveWidgetAdding = true;
                  await held;
                  const component = await add(...args);
                  window.liveWidgetAdded = true;
                  return component;
                };
              }
              return blazor;
            },
          });
        })();
        """;

    // A reseller's client on the agency's page, with Blazor's script held back until release: Buy Starter is clicked
    // on the first screen (the Storefront's render), which opens the agency's checkout.
    private async Task<(StorefrontApi Agency, string Client, IPage Page, IPage Checkout, TaskCompletionSource Release)> BuyOnTheFirstScreenAsync(string path)
    {
        var (agency, slug, client) = await StorefrontApi.ResellerAsync(storefront.BaseUrl, site.Origin);
        var page = await browser.NewPageAsync();
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_framework/blazor.server.js", async route => { await release.Task; await route.ContinueAsync(); });
        await page.GotoAsync(site.Embed(path, storefront.BaseUrl, slug, await agency.ClientSecretAsync(client)), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var buy = page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter", Exact = true });
        await Assertions.Expect(buy).ToBeEnabledAsync(new() { Timeout = 20_000 });
        var checkout = await page.RunAndWaitForPopupAsync(() => buy.ClickAsync());
        return (agency, client, page, checkout, release);
    }

    [Fact]
    public async Task Widget_WithAForgedClientSecret_ShowsSignedOutAndNoAccount()
    {
        var (agency, slug, client) = await StorefrontApi.ResellerAsync(storefront.BaseUrl, site.Origin);
        var real = await agency.ClientSecretAsync(client);
        var forged = real[..^6] + (real[^6..] == "AAAAAA" ? "BBBBBB" : "AAAAAA");
        var page = await browser.NewPageAsync();

        await page.GotoAsync(site.Embed("/forged", storefront.BaseUrl, slug, forged));

        var signIn = page.GetByRole(AriaRole.Link, new() { Name = "Sign in" });
        await Assertions.Expect(signIn).ToBeVisibleAsync(new() { Timeout = 20_000 });
        (await signIn.GetAttributeAsync("href")).ShouldBe($"{storefront.StorefrontUrl(slug)}/sign-in");
        await Assertions.Expect(page.GetByText("Your session has ended")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Starter")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Widget_OnAnOriginTheAgencyDidNotAllow_GetsNoData_AndNamesTheOriginProblem()
    {
        var (agency, slug, client) = await StorefrontApi.ResellerAsync(storefront.BaseUrl, site.Origin);
        var page = await browser.NewPageAsync();
        var warnings = new List<string>();
        page.Console += (_, m) => { if (m.Type == "warning") warnings.Add(m.Text); };

        await page.GotoAsync(stranger.Embed("/stolen", storefront.BaseUrl, slug, await agency.ClientSecretAsync(client)));

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot be shown on this site", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Starter")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("error origin_not_allowed");
        warnings.ShouldContain($"This site ({stranger.Origin}) is not allowed to show this widget; the agency can add it in its back office under Embed the widget > Allowed origins.");
    }

    /// <summary>
    /// The widget wears the agency's theme: its buy button and its card have the theme's accent and surface colours
    /// (read from the theme's own settings defaults, and different in each theme), as Chromium computes them.
    /// </summary>
    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task Widget_InEachBuiltInTheme_WearsTheThemesColoursOnTheForeignPage(string theme)
    {
        var (agency, slug, client) = await StorefrontApi.ResellerAsync(storefront.BaseUrl, site.Origin);
        await agency.SendAsync(HttpMethod.Put, "/api/v1/theme/base", new { baseTheme = theme });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 960, Height = 760 } });

        await page.GotoAsync(site.Embed($"/{theme}", storefront.BaseUrl, slug, await agency.ClientSecretAsync(client)));
        var buy = page.GetByRole(AriaRole.Button, new() { Name = "Buy Starter" });
        await Assertions.Expect(buy).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Artifacts("screenshots"), $"widget-{theme}.png"), FullPage = true });

        // Read as Chromium computes them, retried while the live widget takes over from the first screen (an element
        // the swap has just detached has no computed style).
        await Assertions.Expect(buy).ToHaveCSSAsync("background-color", Rgb(ThemeDefault(theme, "accent_color")));
        await Assertions.Expect(page.Locator("resellerkit-credits section.rk")).ToHaveCSSAsync("background-color", Rgb(ThemeDefault(theme, "surface_color")));
    }

    // A colour setting's default in the theme's own settings schema.
    private static string ThemeDefault(string theme, string id)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "Themes", "BuiltIn", theme, "config", "settings_schema.json")));
        return schema.RootElement.EnumerateArray().SelectMany(g => g.GetProperty("settings").EnumerateArray())
            .Single(s => s.GetProperty("id").GetString() == id).GetProperty("default").GetString()!;
    }

    // "#4338ca" as getComputedStyle reports it: "rgb(67, 56, 202)".
    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";
}
