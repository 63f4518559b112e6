using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// Issue 17, two-step sign-in in Chromium: a new admin of the demo agency turns it on with the app's code (computed
/// here from the key the page shows), keeps the recovery codes, then signs in with a code, and again with a recovery
/// code. Screenshots: artifacts/screenshots/issue17-2fa-*.png at 1280 and 375 px.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed partial class TwoFactorJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private const string Password = "Two-Step-Journey-Pass-1234";
    private readonly DemoJourney journey = new(demo, chromium);

    [Fact]
    public async Task TwoFactor_EnrolThenSignInWithACodeThenWithARecoveryCode_OpensTheBackOffice()
    {
        var email = $"sam-{Guid.NewGuid().ToString("N")[..6]}@brightside.example";
        var owner = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await owner.GotoAsync(journey.Url("/admin/team"));
        await TeamInvitations.InviteAsync(owner, "Sam Secure", email, "Admin");
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync(email);
        var admin = await new TeamInvitations(demo, chromium, journey).AcceptAsync(email, Password);

        await admin.GotoAsync(journey.Url("/admin/account/two-factor"));
        await Assertions.Expect(admin.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        await Chromium.ScreenshotsAsync(admin, "issue17-2fa-setup");
        var key = (await admin.GetByLabel("Key for your authenticator app").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await admin.GetByLabel("Code from the app").FillAsync("000000");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("That code is not right.")).ToBeVisibleAsync();
        await admin.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        var recoveryCodes = await admin.Locator("#recovery-codes code").AllInnerTextsAsync();
        await Chromium.ScreenshotsAsync(admin, "issue17-2fa-recovery-codes");
        await admin.Context.CloseAsync();

        var withCode = await SignInWithPasswordAsync(email);
        await withCode.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await Chromium.ScreenshotsAsync(withCode, "issue17-2fa-code");
        await withCode.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(withCode).ToHaveURLAsync(journey.Url("/admin"));
        await Assertions.Expect(withCode.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await withCode.Context.CloseAsync();

        var withRecovery = await SignInWithPasswordAsync(email);
        await withRecovery.GetByText("No phone at hand? Use a recovery code").ClickAsync();
        await withRecovery.GetByLabel("Recovery code").FillAsync(recoveryCodes[0]);
        await withRecovery.GetByRole(AriaRole.Button, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await Assertions.Expect(withRecovery).ToHaveURLAsync(journey.Url("/admin"));
        await withRecovery.GotoAsync(journey.Url("/admin/account/two-factor"));
        await Assertions.Expect(withRecovery.GetByText("You have 9 recovery codes left.")).ToBeVisibleAsync();
        await Chromium.ScreenshotsAsync(withRecovery, "issue17-2fa-on");
        await withRecovery.Context.CloseAsync();

        recoveryCodes.Count.ShouldBe(10);
    }

    private async Task<IPage> SignInWithPasswordAsync(string email)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(journey.Url("/admin/login"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/login/code"));
        return page;
    }


    public void Dispose() => journey.Dispose();
}
