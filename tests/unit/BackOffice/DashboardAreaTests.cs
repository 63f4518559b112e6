using System.Net;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>A team member sees only the figures of the areas its role opens, on the dashboard as on every page.</summary>
public sealed class DashboardAreaTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Dashboard_ForAPacksOnlyMember_ShowsNoPoolRevenueOrUsagePerClient()
    {
        var (agency, client, _) = await BusyAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Packs);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var (status, html) = await browser.GetAsync("/admin");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("Pool balance");
        html.ShouldNotContain("Sales (");
        html.ShouldNotContain("Who used the most");
        html.ShouldNotContain(client);
        html.ShouldContain("Packs &amp; pricing");
    }

    [Fact]
    public async Task Dashboard_ForACreditsAndReportsMember_ShowsThePoolAndUsageButNotClientPages()
    {
        var (agency, client, _) = await BusyAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Credits | Areas.Reports);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var (_, html) = await browser.GetAsync("/admin");

        html.ShouldContain("Pool balance");
        html.ShouldContain("Who used the most");
        html.ShouldContain(client);
        html.ShouldNotContain("/admin/sub-accounts/");
    }

    [Fact]
    public async Task ClientPages_ForAPacksOnlyMember_AreClosed()
    {
        var (agency, _, _) = await BusyAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Packs);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        foreach (var page in new[] { "/admin/sub-accounts", "/admin/transactions", "/admin/purchases", "/admin/team", "/admin/audit" })
        {
            var (status, html) = await browser.GetAsync(page);
            status.ShouldBe(HttpStatusCode.Forbidden, page);
            html.ShouldNotContain("Pool balance", customMessage: page);
        }
        (await browser.Client.GetAsync("/admin/transactions.csv", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SubAccountPage_ForASubAccountsOnlyMember_ShowsNoPoolUsageReportOrLedger()
    {
        var (agency, client, subAccount) = await BusyAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.SubAccounts);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var (status, html) = await browser.GetAsync($"/admin/sub-accounts/{subAccount}");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(client);
        html.ShouldNotContain("975"); // the pool left after the client's 25
        html.ShouldNotContain("report-title");
        html.ShouldNotContain("Recent activity");
    }

    [Fact]
    public async Task SubAccountPage_ForAMemberWithCreditsAndReports_ShowsPoolUsageReportAndLedger()
    {
        var (agency, _, subAccount) = await BusyAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.SubAccounts | Areas.Credits | Areas.Reports);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var (_, html) = await browser.GetAsync($"/admin/sub-accounts/{subAccount}");

        html.ShouldContain("975");
        html.ShouldContain("report-title");
        html.ShouldContain("Recent activity");
    }

    // An agency with a pool, a client who used credits, and a name to look for.
    private async Task<(TestAgency Agency, string ClientName, string SubAccountId)> BusyAgencyAsync()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync();
        (await agency.Client.UsageAsync(subAccount, 25)).EnsureSuccessStatusCode();
        var name = (await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("name").GetString()!;
        return (agency, name, subAccount);
    }
}
