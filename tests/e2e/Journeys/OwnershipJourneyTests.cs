using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// Issue 17, ownership that moves, in Chromium against the published process with email through maildev: the
/// agency's owner hands an agency-owned client to itself, the client opens the link from the email, signs in and
/// accepts; the account is the client's with every credit it held, the agency stays connected, and the link works
/// once; and accepting turns off two-step sign-in the agency set up, so the new password alone signs in. Screenshots:
/// artifacts/screenshots/issue17-ownership-*.png and handover-2fa-*.png at 1280 and 375 px.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed partial class OwnershipJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    [Fact]
    public async Task Agency_HandsASubAccountToItsClient_WhoAcceptsFromTheEmailedLink_WithTheBalanceIntact()
    {
        var (id, name, email, password) = await journey.NewClientAsync("Handover Florist");
        await journey.Agency.SendAsync(HttpMethod.Post, $"/api/v1/sub-accounts/{id}/grants", new { credits = 250, reason = "Opening balance" });
        (await journey.BalanceAsync(id)).ShouldBe(250);

        var owner = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await owner.GotoAsync(journey.Url($"/admin/sub-accounts/{id}"));
        var card = owner.GetByRole(AriaRole.Region, new() { Name = "Ownership" });
        await card.GetByRole(AriaRole.Button, new() { Name = $"Hand over to {name}" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync("Transfer sent");
        await Assertions.Expect(card).ToContainTextAsync($"Waiting for {email} to accept the transfer");
        await Chromium.ScreenshotsAsync(owner, "issue17-ownership-pending");

        var mail = await demo.Mail.WaitForAsync(email, "over to you");
        mail.GetProperty("subject").GetString().ShouldBe($"Brightside Digital hands {name} over to you");
        var link = LinkPattern().Match(mail.GetProperty("text").GetString()!).Value;
        link.ShouldNotBeEmpty("the email carries the link the system inserted");

        var client = await journey.SignInToBackOfficeAsync(email, password);
        await client.GotoAsync(link);
        await Assertions.Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Take ownership of your account" })).ToBeVisibleAsync();
        await client.GetByLabel("Your new password").FillAsync("Own-" + password);
        await client.GetByLabel("New password, again").FillAsync("Own-" + password);
        await Chromium.ScreenshotsAsync(client, "issue17-ownership-accept");
        await client.GetByRole(AriaRole.Button, new() { Name = "Accept ownership" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("The account is yours now");
        await Assertions.Expect(client.GetByRole(AriaRole.Article, new() { Name = "Brightside Digital" }).GetByLabel("Role")).ToHaveValueAsync("Admin");
        await Chromium.ScreenshotsAsync(client, "issue17-ownership-accepted");

        await client.GotoAsync(journey.Url("/admin"));
        await Assertions.Expect(client.Locator(".stat").Filter(new() { HasText = "Credits left" })).ToContainTextAsync("250");
        await Chromium.ScreenshotsAsync(client, "issue17-ownership-client-dashboard");
        await client.GotoAsync(journey.Url("/admin/access-log"));
        await Assertions.Expect(client.GetByRole(AriaRole.Table)).ToContainTextAsync($"from Brightside Digital; its 250 credits moved with it");

        var used = await client.GotoAsync(link);
        used!.Status.ShouldBe(409);
        await Assertions.Expect(client.GetByRole(AriaRole.Alert)).ToContainTextAsync("already accepted");
        await Chromium.ScreenshotsAsync(client, "issue17-ownership-used-link");

        await owner.GotoAsync(journey.Url("/admin/audit"));
        await Assertions.Expect(owner.GetByRole(AriaRole.Table)).ToContainTextAsync($"took ownership of {name} from Brightside Digital; its 250 credits moved with it");
        await owner.GotoAsync(journey.Url("/admin/connections"));
        await Assertions.Expect(owner.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Accepted");
    }

    [Fact]
    public async Task Client_AcceptsAnAccountWhoseTwoStepTheAgencySetUp_AndItsNewPasswordAloneSignsIn()
    {
        var (id, name, email, password) = await journey.NewClientAsync("Two-Step Florist");
        await journey.Agency.SendAsync(HttpMethod.Post, $"/api/v1/sub-accounts/{id}/ownership-transfer", new { });
        var link = LinkPattern().Match((await demo.Mail.WaitForAsync(email, "over to you")).GetProperty("text").GetString()!).Value;

        // The agency, which set the account up and holds its first password, turns two-step sign-in on with its own app.
        var agencyAsClient = await journey.SignInToBackOfficeAsync(email, password);
        await agencyAsClient.GotoAsync(journey.Url("/admin/account/two-factor"));
        var key = (await agencyAsClient.GetByLabel("Key for your authenticator app").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await agencyAsClient.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await agencyAsClient.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        var recoveryCodes = await agencyAsClient.Locator("#recovery-codes code").AllInnerTextsAsync();
        await agencyAsClient.Context.CloseAsync();

        var client = await SignInAsync(email, password);
        await Assertions.Expect(client).ToHaveURLAsync(new Regex("/admin/login/code"));
        await client.GetByText("No phone at hand? Use a recovery code").ClickAsync();
        await client.GetByLabel("Recovery code").FillAsync(recoveryCodes[0]);
        await client.GetByRole(AriaRole.Button, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await client.GotoAsync(link);
        await Assertions.Expect(client.GetByText("Two-step sign-in is turned off too")).ToBeVisibleAsync();
        await client.GetByLabel("Your new password").FillAsync("Own-" + password);
        await client.GetByLabel("New password, again").FillAsync("Own-" + password);
        await Chromium.ScreenshotsAsync(client, "handover-2fa-accept");
        await client.GetByRole(AriaRole.Button, new() { Name = "Accept ownership" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-step sign-in was turned off");
        await Chromium.ScreenshotsAsync(client, "handover-2fa-accepted");
        await client.Context.CloseAsync();

        var again = await SignInAsync(email, "Own-" + password);
        await Assertions.Expect(again).ToHaveURLAsync(journey.Url("/admin"), new() { Timeout = 15_000 });
        await again.GotoAsync(journey.Url("/admin/account/two-factor"));
        await Assertions.Expect(again.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" })).ToBeVisibleAsync();
        (await again.GetByLabel("Key for your authenticator app").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal)
            .ShouldNotBe(key, $"{name}'s new key is not the one the agency's app holds");
        await again.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(journey.Url("/admin/login"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    [GeneratedRegex(@"https?://\S+/admin/ownership/accept\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex LinkPattern();

    public void Dispose() => journey.Dispose();
}
