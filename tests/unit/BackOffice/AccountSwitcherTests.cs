using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;
using ResellerKit.Storefront.BackOffice;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// The account switcher lists the agency's sub-accounts (by name, a few at a time, found by search), opens one as an
/// assist session and returns to the agency from the same list; a member without the sub-accounts area sees none and
/// cannot open one by posting; the platform admin lands on the platform.
/// </summary>
public sealed class AccountSwitcherTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Switcher_AgencyOwner_ListsSubAccountsOpensOneAndReturnsToTheAgency()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Zephyr Yoga");
        var owner = await api.SignInOwnerAsync(agency);

        var (_, before) = await owner.GetAsync("/admin");
        await owner.SubmitAsync("/admin", "/admin/switch", ("to", $"sub:{client.SubAccountId}"));
        var (_, inside) = await owner.GetAsync("/admin");
        var agencyKey = $"agency:{agency.Id}";
        await owner.SubmitAsync("/admin", "/admin/switch", ("to", agencyKey));
        var (_, back) = await owner.GetAsync("/admin");

        SwitcherOf(before).ShouldContain("Zephyr Yoga");
        SwitcherOf(before).ShouldContain($"value=\"sub:{client.SubAccountId}\"");
        inside.ShouldContain("Assist mode:");
        inside.ShouldContain("you are working in <strong>Zephyr Yoga</strong>");
        SwitcherOf(inside).ShouldContain("Return to ");
        back.ShouldNotContain("Assist mode:");
        (await OpenAssistSessionsAsync(client.SubAccountId)).ShouldBe(0, "returning from the switcher ends the assist session");
    }

    [Fact]
    public async Task Switcher_ManySubAccounts_ShowsAFewAndFindsTheRestByName()
    {
        var agency = await api.CreateAgencyAsync();
        for (var i = 0; i < SwitcherAccounts.Limit + 2; i++)
        {
            await agency.CreateClientAsync(name: $"Client {i:00}");
        }
        await agency.CreateClientAsync(name: "Quokka Quarry");
        var owner = await api.SignInOwnerAsync(agency);

        var (_, page) = await owner.GetAsync("/admin");
        var (_, found) = await owner.GetAsync($"/admin?{SwitcherAccounts.SearchParameter}=quokka");

        SwitcherOf(page).ShouldContain($"Showing {SwitcherAccounts.Limit} of {SwitcherAccounts.Limit + 3}");
        SwitcherOf(page).ShouldNotContain("Quokka Quarry");
        SwitcherOf(found).ShouldContain("Quokka Quarry");
        SwitcherOf(found).ShouldNotContain("Client 00");
        found.ShouldContain("<details class=\"switcher\" open");
    }

    [Fact]
    public async Task Switcher_MemberWithoutSubAccountsArea_ListsNoneAndCannotOpenOneByPosting()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Hidden Harbour");
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Packs);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var (_, page) = await browser.GetAsync("/admin");
        await browser.SubmitAsync("/admin", "/admin/switch", ("to", $"sub:{client.SubAccountId}"));
        var (_, after) = await browser.GetAsync("/admin");

        SwitcherOf(page).ShouldNotContain("Hidden Harbour");
        after.ShouldNotContain("Assist mode:");
        (await OpenAssistSessionsAsync(client.SubAccountId)).ShouldBe(0);
    }

    [Fact]
    public async Task Assist_MemberChangedToCreditsOnlyMidSession_IsBackInTheAgencyOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Zephyr Yoga");
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.SubAccounts | Areas.Credits);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);
        var owner = await api.SignInOwnerAsync(agency);
        await browser.SubmitAsync("/admin", "/admin/switch", ("to", $"sub:{client.SubAccountId}"));
        var (_, inside) = await browser.GetAsync("/admin");

        var changed = await owner.SubmitAsync("/admin/team", $"/admin/team/{member.UserId}", ("role", "Member"), ("areas", "Credits"));
        var (_, after) = await browser.GetAsync("/admin");
        var (_, campaigns) = await browser.GetAsync("/admin/my-campaigns");

        inside.ShouldContain("you are working in <strong>Zephyr Yoga</strong>");
        changed.Headers.Location!.ToString().ShouldBe("/admin/team?notice=saved");
        after.ShouldNotContain("Assist mode:");
        after.ShouldNotContain("Zephyr Yoga", customMessage: "without the sub-accounts area the agency's clients are not even listed");
        campaigns.ShouldContain("Not available here");
    }

    [Fact]
    public async Task Landing_PlatformAdminWhoAlsoRunsAnAgency_LandsOnThePlatform()
    {
        var agency = await api.CreateAgencyAsync();
        var admin = await api.AddTeamMemberAsync(agency, MembershipRole.Owner);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            (await users.AddToRoleAsync((await users.FindByIdAsync(admin.UserId.ToString()))!, Roles.PlatformAdmin)).Succeeded.ShouldBeTrue();
        }
        var browser = await api.SignInBackOfficeAsync(admin.Email, admin.Password);

        var (_, home) = await browser.GetAsync("/admin");
        var (status, prices) = await browser.GetAsync("/admin/platform/prices");

        home.ShouldContain("<span class=\"visually-hidden\">Account: </span>Platform");
        status.ShouldBe(HttpStatusCode.OK);
        prices.ShouldNotContain("Not available here");
    }

    private static string SwitcherOf(string html)
    {
        var start = html.IndexOf("<details class=\"switcher\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "the page has an account switcher");
        return html[start..html.IndexOf("</details>", start, StringComparison.Ordinal)];
    }

    private async Task<int> OpenAssistSessionsAsync(string subAccountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccountId));
        return await db.AssistSessions.CountAsync(s => s.SubAccountId == id && s.EndedAt == null, Ct);
    }
}
