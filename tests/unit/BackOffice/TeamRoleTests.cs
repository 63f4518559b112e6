using System.Net;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Only an owner makes or unmakes an owner, and an agency keeps one, whatever an admin posts to the team page's
/// actions: the Engine refuses, not the form.
/// </summary>
public sealed class TeamRoleTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task ChangeRole_AnAdminMakesItselfOwner_IsRefusedAndItStaysAdmin()
    {
        var agency = await api.CreateAgencyAsync();
        var admin = await api.AddTeamMemberAsync(agency, MembershipRole.Admin);
        var browser = await api.SignInBackOfficeAsync(admin.Email, admin.Password);

        var response = await browser.SubmitAsync("/admin/team", $"/admin/team/{admin.UserId}", ("role", "Owner"));

        response.Headers.Location!.ToString().ShouldContain("notice=owners-only");
        (await api.RoleOfAsync(agency, admin.UserId)).ShouldBe(MembershipRole.Admin);
    }

    [Fact]
    public async Task ChangeRole_AnAdminPromotesItselfThenDemotesTheOwner_BothAreRefusedAndTheOwnerKeepsTheTeamPage()
    {
        var agency = await api.CreateAgencyAsync();
        var ownerId = await api.OwnerIdAsync(agency);
        var admin = await api.AddTeamMemberAsync(agency, MembershipRole.Admin);
        var browser = await api.SignInBackOfficeAsync(admin.Email, admin.Password);

        await browser.SubmitAsync("/admin/team", $"/admin/team/{admin.UserId}", ("role", "Owner"));
        await browser.SubmitAsync("/admin/team", $"/admin/team/{ownerId}", ("role", "Member"), ("areas", "Packs"));
        var owner = await api.SignInOwnerAsync(agency);
        var (status, html) = await owner.GetAsync("/admin/team");

        (await api.RoleOfAsync(agency, admin.UserId)).ShouldBe(MembershipRole.Admin);
        (await api.RoleOfAsync(agency, ownerId)).ShouldBe(MembershipRole.Owner);
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Invite a team member");
    }

    [Fact]
    public async Task RemoveMember_AnAdminRemovesAnOwner_IsRefusedEvenWithAnotherOwnerLeft()
    {
        var agency = await api.CreateAgencyAsync();
        var secondOwner = await api.AddTeamMemberAsync(agency, MembershipRole.Owner);
        var admin = await api.AddTeamMemberAsync(agency, MembershipRole.Admin);
        var browser = await api.SignInBackOfficeAsync(admin.Email, admin.Password);

        var response = await browser.SubmitAsync("/admin/team", $"/admin/team/{secondOwner.UserId}/remove");

        response.Headers.Location!.ToString().ShouldContain("notice=owners-only");
        (await api.RoleOfAsync(agency, secondOwner.UserId)).ShouldBe(MembershipRole.Owner);
    }

    [Fact]
    public async Task ChangeRole_TheOnlyOwnerStepsDown_IsRefusedWithLastOwner()
    {
        var agency = await api.CreateAgencyAsync();
        var ownerId = await api.OwnerIdAsync(agency);
        var owner = await api.SignInOwnerAsync(agency);

        var response = await owner.SubmitAsync("/admin/team", $"/admin/team/{ownerId}", ("role", "Admin"));
        var (_, page) = await owner.GetAsync(response.Headers.Location!.ToString());

        response.Headers.Location!.ToString().ShouldContain("notice=last-owner");
        page.ShouldContain("An agency needs at least one owner");
        (await api.RoleOfAsync(agency, ownerId)).ShouldBe(MembershipRole.Owner);
    }

    [Fact]
    public async Task ChangeRole_AnOwnerMakesAnAdminOwner_ThenMayStepDown()
    {
        var agency = await api.CreateAgencyAsync();
        var ownerId = await api.OwnerIdAsync(agency);
        var admin = await api.AddTeamMemberAsync(agency, MembershipRole.Admin);
        var owner = await api.SignInOwnerAsync(agency);

        await owner.SubmitAsync("/admin/team", $"/admin/team/{admin.UserId}", ("role", "Owner"));
        await owner.SubmitAsync("/admin/team", $"/admin/team/{ownerId}", ("role", "Admin"));

        (await api.RoleOfAsync(agency, admin.UserId)).ShouldBe(MembershipRole.Owner);
        (await api.RoleOfAsync(agency, ownerId)).ShouldBe(MembershipRole.Admin);
    }

    [Fact]
    public async Task Invite_NameTooLongAndEmailWrong_SaysBothUnderTheirFieldsAndKeepsWhatWasTyped()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var name = new string('n', 201);

        var posted = await owner.SubmitAsync("/admin/team", "/admin/team", ("_handler", "invite"), ("Input.Name", name),
            ("Input.Email", "alex@nowhere"), ("role", "Member"), ("areas", "Packs"));
        var html = System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync(Ct));
        var form = html[html.IndexOf("id=\"invite-title\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];

        html.ShouldContain("<p class=\"field-error\" id=\"name-error\" role=\"alert\">Use at most 200 characters for the name.</p>");
        html.ShouldContain("id=\"email-error\"");
        html.ShouldContain($"value=\"{name}\"");
        html.ShouldContain("value=\"alex@nowhere\"");
        System.Text.RegularExpressions.Regex.IsMatch(form, "value=\"Packs\"[^>]*checked|checked[^>]*value=\"Packs\"").ShouldBeTrue("the area picked stays picked");
        System.Text.RegularExpressions.Regex.IsMatch(form, "value=\"Reports\"[^>]*checked|checked[^>]*value=\"Reports\"").ShouldBeFalse("an area not picked stays unpicked");
    }

    [Theory]
    [InlineData("7", null)]
    [InlineData("Member", "4096")]
    public async Task Invite_WithARoleOrAreasThatAreNotOnTheForm_IsRefusedInWordsAndNobodyJoins(string role, string? areas)
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var email = $"mallory-{Guid.NewGuid():N}@{agency.Slug}.example";
        (string, string)[] fields = [("_handler", "invite"), ("Input.Name", "Mallory"), ("Input.Email", email), ("role", role)];

        var posted = await owner.SubmitAsync("/admin/team", "/admin/team", [.. fields, .. areas is null ? [] : new[] { ("areas", areas) }]);
        var html = System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync(Ct));
        var (_, team) = await owner.GetAsync("/admin/team");

        ((int)posted.StatusCode).ShouldBeLessThan(500);
        html.ShouldContain(areas is null ? "Choose a role" : "Choose areas from the list");
        team.ShouldNotContain(email);
    }

    [Fact]
    public async Task Invite_FromTheTeamPage_EmailNamesTheInviterAndWhenItExpires_AndAreasAreInWords()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var email = $"ada-{Guid.NewGuid():N}@{agency.Slug}.example";
        var (_, teamPage) = await owner.GetAsync("/admin/team");

        await owner.SubmitAsync("/admin/team", "/admin/team", ("_handler", "invite"), ("Input.Name", "Ada Admin"), ("Input.Email", email), ("role", "Admin"));
        var invite = await api.WaitForMailAsync(email, m => m.Headers["X-Email-Kind"] == "AgencyInvite");
        var text = invite.TextBody ?? "";

        teamPage.ShouldContain("Sub-accounts");
        teamPage.ShouldNotContain("> SubAccounts");
        text.ShouldContain("invited you to manage");
        var shop = (await (await agency.Client.GetAsync("/api/v1/agency", Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("name").GetString();
        text.ShouldNotContain($"{shop} invited you to manage {shop}");
        System.Text.RegularExpressions.Regex.IsMatch(text, @"valid until \S*\d").ShouldBeTrue(text);
    }
}
