using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.BackOffice;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// An agency that set a client's account up knows its first password, and may have turned two-step sign-in on with an
/// authenticator app of its own. Accepting the hand-over replaces both in one step: the agency's app codes and recovery
/// codes stop working, the client's new password alone signs it in, and the client is told so in plain words.
/// </summary>
public abstract class OwnershipTransferTwoStepTests(ApiFixture api)
{
    [Fact]
    public async Task AcceptOwnership_WithTwoStepSetUpByTheAgency_TurnsItOffAndTheOldCodesAreRefused()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var link = await api.TransferLinkAsync(client);
        var (oldKey, oldCodes) = await (await api.SignInBackOfficeAsync(client.Email, client.Password)).TurnOnAsync(); // the agency, with the first password
        var (browser, _) = await api.PasswordStepAsync(client.Email, client.Password);
        (await browser.RecoveryStepAsync(oldCodes[0])).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the client signs in with a code the agency gave it");

        var page = WebUtility.HtmlDecode((await browser.GetAsync(link)).Html);
        var accepted = await browser.SubmitAsync(link, "/admin/ownership/accept",
            ("token", OwnershipDriver.TokenOf(link)), ("password", client.OwnPassword()), ("confirm", client.OwnPassword()));
        var notice = WebUtility.HtmlDecode((await browser.GetAsync(accepted.Headers.Location!.OriginalString)).Html);

        page.ShouldContain("Two-step sign-in is turned off too");
        accepted.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=ownership-accepted-two-step-off");
        notice.ShouldContain("Two-step sign-in was turned off, since the agency may have set it up with its own app: your new password alone signs you in.");

        var (fresh, next) = await api.PasswordStepAsync(client.Email, client.OwnPassword());
        next!.OriginalString.ShouldNotContain("/admin/login/code", customMessage: "the new password alone signs in");
        (await fresh.GetAsync("/admin/agencies")).Status.ShouldBe(HttpStatusCode.OK);
        var (_, withTheFirst) = await api.PasswordStepAsync(client.Email, client.Password);
        withTheFirst?.OriginalString.ShouldNotContain("/admin/login/code", customMessage: "the first password opens nothing, not even the code step");

        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByEmailAsync(client.Email))!;
        (await users.GetTwoFactorEnabledAsync(user)).ShouldBeFalse();
        (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Totp.Code(oldKey, DateTimeOffset.UtcNow)))
            .ShouldBeFalse("the agency's app holds the old key");
        (await users.CountRecoveryCodesAsync(user)).ShouldBe(0);
        (await users.RedeemTwoFactorRecoveryCodeAsync(user, oldCodes[1])).Succeeded.ShouldBeFalse();

        var setup = WebUtility.HtmlDecode((await fresh.GetAsync(TwoFactorDriver.SetupPage)).Html);
        TwoFactorDriver.KeyOn(setup).ShouldNotBe(oldKey, "setting two-step up again gives a key the agency never saw");
        var withTheOldApp = await fresh.SubmitAsync(TwoFactorDriver.SetupPage, TwoFactorDriver.SetupPage,
            ("_handler", "two-factor-enable"), ("Enable.Value", Totp.Code(oldKey, DateTimeOffset.UtcNow)));
        WebUtility.HtmlDecode(await withTheOldApp.Content.ReadAsStringAsync(Ct)).ShouldContain("That code is not right.");
    }

    [Fact]
    public async Task AcceptOwnership_WithoutTwoStep_SaysBeforehandWhatAcceptingTurnsOff()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var link = await api.TransferLinkAsync(client);

        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);
        var page = WebUtility.HtmlDecode((await browser.GetAsync(link)).Html);
        var answer = await browser.SubmitAsync(link, "/admin/ownership/accept",
            ("token", OwnershipDriver.TokenOf(link)), ("password", client.OwnPassword()), ("confirm", client.OwnPassword()));
        var (_, next) = await api.PasswordStepAsync(client.Email, client.OwnPassword());

        page.ShouldContain("Two-step sign-in is turned off too, in case");
        page.ShouldContain("To turn it on again with your own authenticator app, open");
        answer.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=ownership-accepted");
        next!.OriginalString.ShouldNotContain("/admin/login/code");
    }
}

public sealed class OwnershipTransferTwoStepTestsOnSqlite(SqliteApi api) : OwnershipTransferTwoStepTests(api), IClassFixture<SqliteApi>;

public sealed class OwnershipTransferTwoStepTestsOnPostgres(PostgresApi api) : OwnershipTransferTwoStepTests(api), IClassFixture<PostgresApi>;
