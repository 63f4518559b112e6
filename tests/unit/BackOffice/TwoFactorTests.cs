using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Issue 17, two-step sign-in: an authenticator app's code (RFC 6238, computed by the test) after the password, ten
/// recovery codes that each work once, wrong codes locking the account as wrong passwords do, and no way to turn it
/// off without a code.
/// </summary>
public sealed class TwoFactorTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task TwoFactorSetup_WithTheAppsCode_TurnsOnAndShowsTenRecoveryCodesOnce()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var setup = WebUtility.HtmlDecode((await owner.GetAsync(TwoFactorDriver.SetupPage)).Html);
        var (_, codes) = await owner.TurnOnAsync();
        var after = WebUtility.HtmlDecode((await owner.GetAsync(TwoFactorDriver.SetupPage)).Html);

        setup.ShouldContain("<svg", customMessage: "the QR code is drawn on the server");
        setup.ShouldContain("role=\"img\" aria-label=\"QR code for your authenticator app\"");
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        after.ShouldContain("You have 10 recovery codes left.");
        after.ShouldNotContain(codes[0], customMessage: "recovery codes are shown only once");
    }

    [Fact]
    public async Task TwoFactorSetup_WithAWrongCode_StaysOffAndSaysSo()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var key = TwoFactorDriver.KeyOn((await owner.GetAsync(TwoFactorDriver.SetupPage)).Html);
        var wrong = Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10));

        var response = await owner.SubmitAsync(TwoFactorDriver.SetupPage, TwoFactorDriver.SetupPage, ("_handler", "two-factor-enable"), ("Enable.Value", wrong));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        html.ShouldContain("That code is not right. Enter the newest code the app shows for this account.");
        html.ShouldContain("Turn on two-step sign-in");
    }

    [Fact]
    public async Task SignIn_WithTwoFactorOn_AsksForTheCodeAndOpensOnlyWithTheRightOne()
    {
        var agency = await api.CreateAgencyAsync();
        var (key, _) = await (await api.SignInOwnerAsync(agency)).TurnOnAsync();

        var (browser, next) = await api.PasswordStepAsync($"owner@{agency.Slug}.example", BackOfficeSignIn.OwnerPassword);
        var beforeTheCode = await browser.GetAsync("/admin/packs");
        var wrong = await browser.CodeStepAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        var right = await browser.CodeStepAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        var afterTheCode = await browser.GetAsync("/admin/packs");

        next!.PathAndQuery.ShouldBe("/admin/login/code?returnUrl=%2Fadmin");
        beforeTheCode.Status.ShouldBe(HttpStatusCode.Redirect, "the password alone opens nothing");
        WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("That code is not right.");
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.ToString().ShouldEndWith("/admin");
        afterTheCode.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SetPassword_FromAResetLink_WithTwoFactorOn_AsksForTheCodeBeforeOpeningTheBackOffice()
    {
        var agency = await api.CreateAgencyAsync();
        var email = $"owner@{agency.Slug}.example";
        var (key, _) = await (await api.SignInOwnerAsync(agency)).TurnOnAsync();
        string userId, token;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByEmailAsync(email))!;
            (userId, token) = (user.Id.ToString(), await users.GeneratePasswordResetTokenAsync(user));
        }
        var browser = api.BrowserOfItsOwnAddress();
        var page = $"/admin/reset-password?user={userId}&token={Uri.EscapeDataString(token)}";

        var saved = await browser.SubmitAsync(page, page, ("_handler", "set-password"),
            ("Input.UserId", userId), ("Input.Token", token), ("Input.Password", "Reset-Owner-Pass-2026"));
        var beforeTheCode = await browser.GetAsync("/admin/packs");
        var right = await browser.CodeStepAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        var afterTheCode = await browser.GetAsync("/admin/packs");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldEndWith("/admin/login/code?returnUrl=%2Fadmin");
        beforeTheCode.Status.ShouldBe(HttpStatusCode.Redirect, "the emailed link and a new password alone open nothing");
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterTheCode.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_OpensOnceAndTheCodeIsUsedUp()
    {
        var agency = await api.CreateAgencyAsync();
        var (_, codes) = await (await api.SignInOwnerAsync(agency)).TurnOnAsync();
        var email = $"owner@{agency.Slug}.example";

        var (first, _) = await api.PasswordStepAsync(email, BackOfficeSignIn.OwnerPassword);
        var opened = await first.RecoveryStepAsync(codes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        var (second, _) = await api.PasswordStepAsync(email, BackOfficeSignIn.OwnerPassword);
        var reused = await second.RecoveryStepAsync(codes[3]);

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect, "typed in lower case with a space, the code still works");
        WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync(Ct)).ShouldContain("That recovery code is not right, or it was used already.");
        WebUtility.HtmlDecode((await first.GetAsync(TwoFactorDriver.SetupPage)).Html).ShouldContain("You have 9 recovery codes left.");
    }

    [Fact]
    public async Task SignInCode_WrongFiveTimes_LocksTheAccountEvenForTheRightCode()
    {
        var agency = await api.CreateAgencyAsync();
        var (key, _) = await (await api.SignInOwnerAsync(agency)).TurnOnAsync();
        var (browser, _) = await api.PasswordStepAsync($"owner@{agency.Slug}.example", BackOfficeSignIn.OwnerPassword);

        for (var i = 0; i < 5; i++)
        {
            await browser.CodeStepAsync("000000");
        }
        var right = await browser.CodeStepAsync(Totp.Code(key, DateTimeOffset.UtcNow));

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync(Ct)).ShouldContain("Too many wrong codes: this account is locked for 15 minutes.");
    }

    [Fact]
    public async Task SignInRecoveryCode_WrongFiveTimes_LocksTheAccountEvenForAnUnusedCode()
    {
        var agency = await api.CreateAgencyAsync();
        var (_, codes) = await (await api.SignInOwnerAsync(agency)).TurnOnAsync();
        var (browser, _) = await api.PasswordStepAsync($"owner@{agency.Slug}.example", BackOfficeSignIn.OwnerPassword);

        for (var i = 0; i < 5; i++)
        {
            await browser.RecoveryStepAsync("AAAAA-BBBBB");
        }
        var right = await browser.RecoveryStepAsync(codes[0]);

        right.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account does not open, even with a recovery code it has not used");
        WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync(Ct)).ShouldContain("Too many wrong codes: this account is locked for 15 minutes.");
    }

    [Fact]
    public async Task TwoFactorOff_WrongCodeFiveTimes_LocksAndRefusesEvenTheRightCode()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var (key, _) = await owner.TurnOnAsync();
        var page = TwoFactorDriver.SetupPage;

        for (var i = 0; i < 5; i++)
        {
            await owner.SubmitAsync(page, page, ("_handler", "two-factor-disable"), ("Disable.Value", "000000"));
        }
        var right = await owner.SubmitAsync(page, page, ("_handler", "two-factor-disable"), ("Disable.Value", Totp.Code(key, DateTimeOffset.UtcNow)));

        var html = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Too many wrong codes: this account is locked for 15 minutes.");
        html.ShouldContain("Two-step sign-in is on", customMessage: "a signed-in session cannot guess its way to turning it off");
    }

    [Fact]
    public async Task TwoFactorOff_AsksForACode_AndTurnsOffOnlyWithARightOne()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var (key, _) = await owner.TurnOnAsync();
        var page = TwoFactorDriver.SetupPage;

        var refused = await owner.SubmitAsync(page, page, ("_handler", "two-factor-disable"), ("Disable.Value", "123456"));
        var stillOn = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        var turnedOff = await owner.SubmitAsync(page, page, ("_handler", "two-factor-disable"), ("Disable.Value", Totp.Code(key, DateTimeOffset.UtcNow)));
        var (_, next) = await api.PasswordStepAsync($"owner@{agency.Slug}.example", BackOfficeSignIn.OwnerPassword);

        stillOn.ShouldContain("That code is not right. Enter the newest code from the app, or an unused recovery code.");
        stillOn.ShouldContain("Two-step sign-in is on");
        WebUtility.HtmlDecode(await turnedOff.Content.ReadAsStringAsync(Ct)).ShouldContain("Two-step sign-in is off.");
        next!.AbsolutePath.ShouldBe("/admin", "the password alone signs in again");
    }
}
