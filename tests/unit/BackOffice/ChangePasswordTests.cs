using System.Net;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Every signed-in person changes their own password in the back office (linked from the top bar): the current one is
/// required, the rules are in words, errors are in words next to their field, and every other session ends.
/// </summary>
public sealed class ChangePasswordTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Page = "/admin/account/password";
    private const string NewPassword = "Brand-New-Secret-2026";

    [Fact]
    public async Task ChangePassword_FromTheTopBar_ChangesItAndEndsEveryOtherSession()
    {
        var agency = await api.CreateAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Packs);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);
        var otherDevice = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var (_, home) = await browser.GetAsync("/admin");
        var response = await Change(browser, member.Password, NewPassword, NewPassword);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var (thisStatus, _) = await browser.GetAsync("/admin");
        var (otherStatus, _) = await otherDevice.GetAsync("/admin");

        home.ShouldContain($"href=\"{Page}\"");
        html.ShouldContain("Your password was changed.");
        html.ShouldNotContain(NewPassword);
        thisStatus.ShouldBe(HttpStatusCode.OK, "this session signed in again");
        otherStatus.ShouldBe(HttpStatusCode.Redirect, "the other session ended");
        await api.SignInBackOfficeAsync(member.Email, NewPassword);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsRefusedInWordsAndTheOldOneStillWorks()
    {
        var agency = await api.CreateAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Packs);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var html = await (await Change(browser, "not-my-password", NewPassword, NewPassword)).Content.ReadAsStringAsync(Ct);

        html.ShouldContain("That is not your current password.");
        html.ShouldNotContain("not-my-password");
        html.ShouldNotContain(NewPassword);
        await api.SignInBackOfficeAsync(member.Email, member.Password);
    }

    [Fact]
    public async Task ChangePassword_WeakAndMismatchedNewPassword_SaysTheRulesAndTheMismatch()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var html = await (await Change(owner, "Back-Office-Owner-Pass-1234", "short", "shorter")).Content.ReadAsStringAsync(Ct);

        html.ShouldContain("signs you out on every other device", customMessage: "the page says what a change does before it is made");
        html.ShouldContain("The new password needs at least 12 characters, with upper- and lower-case letters and a digit.");
        html.ShouldContain("The two new passwords are not the same.");
        html.ShouldNotContain("currentPassword");
    }

    private static Task<HttpResponseMessage> Change(Browser browser, string current, string next, string confirm) =>
        browser.SubmitAsync(Page, Page, ("_handler", "change-password"),
            ("Input.Current", current), ("Input.New", next), ("Input.Confirm", confirm));
}
