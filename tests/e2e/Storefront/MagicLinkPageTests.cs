using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Storefront;

/// <summary>
/// The emailed storefront sign-in link in Chromium: a mail scanner that opens it first (a plain GET) leaves it usable;
/// the client opens it, sees the agency's page with one "Sign in" button, presses it and is in its account; the link then
/// shows the words of a used link. Screenshots at 1280 and 375 px.
/// </summary>
public sealed partial class MagicLinkPageTests(DemoStorefront demo, Chromium chromium) : IClassFixture<DemoStorefront>, IClassFixture<Chromium>
{
    private const string Client = "hello@bluebird-dental.example";

    [Fact]
    public async Task SignInLink_OpenedByAScannerThenPressedByTheClient_SignsInOnce()
    {
        var shopper = await chromium.NewPageAsync();
        await shopper.GotoAsync(demo.ShopUrl + "/sign-in");
        await shopper.Locator("#magic-email").FillAsync(Client);
        await shopper.GetByRole(AriaRole.Button, new() { Name = "Email me a link" }).ClickAsync();
        await Assertions.Expect(shopper.GetByText("a sign-in link is on its way")).ToBeVisibleAsync();
        var link = await Poll.UntilAsync(async () => (await demo.Mail.ListAsync())
                .Where(m => m.Kind == "MagicLink" && m.IsFor(Client)).Select(m => LinkPattern().Match(m.Text ?? "").Value).FirstOrDefault(l => l.Length > 0),
            l => l is not null, TimeSpan.FromSeconds(60));
        link.ShouldNotBeNull("the sign-in email arrives with its link");

        // Safe Links and the like open every link of an email in a browser of their own, and press nothing.
        var scanner = await chromium.NewPageAsync();
        (await scanner.GotoAsync(link))!.Ok.ShouldBeTrue("a scanner's GET gets the page");
        await Assertions.Expect(scanner.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await scanner.Context.CloseAsync();
        var client = await chromium.NewPageAsync();
        await client.GotoAsync(link);
        await Assertions.Expect(client.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sign in to");
        await Chromium.ScreenshotsAsync(client, "magic-link-page");
        await client.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(client).ToHaveURLAsync(new Regex("/account$"));
        await Assertions.Expect(client.GetByText(Client)).ToBeVisibleAsync();
        await Chromium.ScreenshotsAsync(client, "magic-link-signed-in");

        var again = await chromium.NewPageAsync();
        await again.GotoAsync(link);
        await Assertions.Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("That sign-in link has expired or was already used.");
        await Chromium.ScreenshotsAsync(again, "magic-link-used");
    }

    [GeneratedRegex(@"https?://\S+/magic\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex LinkPattern();
}
