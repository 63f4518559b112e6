using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// A client changes its password on its agency's storefront (<c>/account/password</c>, linked from the account page), as
/// the credentials email tells it to: the theme's words, the current password required, other sessions ended. Its own
/// fixture: storefront sign-ins are throttled per address.
/// </summary>
public sealed class StorefrontPasswordTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string NewPassword = "Client-New-Secret-2026";

    [Fact]
    public async Task StorefrontChangePassword_Valid_ChangesItKeepsThisSessionAndEndsTheOthers()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var browser = await api.SignInAsync(agency, client);
        var otherDevice = await api.SignInAsync(agency, client);

        var (_, account) = await browser.GetAsync("/account");
        var response = await browser.SubmitAsync("/account/password", "/account/password",
            ("current_password", client.Password), ("new_password", NewPassword), ("confirm_password", NewPassword));
        var html = await response.Content.ReadAsStringAsync(Ct);
        var (thisStatus, _) = await browser.GetAsync("/account");
        var (otherStatus, _) = await otherDevice.GetAsync("/account");

        account.ShouldContain("href=\"/account/password\"");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Your password was changed.");
        thisStatus.ShouldBe(HttpStatusCode.OK);
        otherStatus.ShouldBe(HttpStatusCode.Redirect, "the other session ended");
        await api.SignInAsync(agency, client with { Password = NewPassword });
    }

    [Fact]
    public async Task StorefrontChangePassword_WrongCurrentAndWeakNew_SaysWhyNextToEachField()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var browser = await api.SignInAsync(agency, client);

        var response = await browser.SubmitAsync("/account/password", "/account/password",
            ("current_password", "wrong-password-1A"), ("new_password", "weak"), ("confirm_password", "weak"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("That is not your current password.");
        html.ShouldContain("The new password needs at least 12 characters");
        html.ShouldNotContain("The two new passwords are not the same.");
        html.ShouldNotContain("wrong-password-1A");
        html.ShouldNotContain("ResellerKit");
    }

    [Fact]
    public async Task StorefrontChangePassword_SignedOut_GoesToSignIn()
    {
        var agency = await api.CreateAgencyAsync();

        var (status, _) = await Browser.Storefront(api, agency.Slug).GetAsync("/account/password");

        status.ShouldBe(HttpStatusCode.Redirect);
    }
}
