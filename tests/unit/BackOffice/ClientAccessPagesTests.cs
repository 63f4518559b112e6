using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// What a client reads about who works in its account: the agency that manages it (with what it can do), and an access
/// log in sentences, with times, never codes or JSON.
/// </summary>
public sealed class ClientAccessPagesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Brand = "Brightside Digital";

    [Fact]
    public async Task AgenciesWithAccess_ForAnAccountTheAgencyManages_ShowsTheAgencyAndWhatItCanDo()
    {
        var (_, client, _, _) = await AssistedClientAsync();
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (status, html) = await browser.GetAsync("/admin/agencies");
        var text = WebUtility.HtmlDecode(html);

        status.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain($"<h2>{Brand}</h2>");
        text.ShouldContain("Manages this account.");
        text.ShouldContain("can work in this account on your behalf");
        text.ShouldNotContain("No agency has");
    }

    [Fact]
    public async Task AccessLog_AfterTheAgencyAssisted_SaysWhoStartedAssistingInWhichAccountAndWhen()
    {
        var (_, client, ownerName, _) = await AssistedClientAsync();
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (_, html) = await browser.GetAsync("/admin/access-log");
        var text = WebUtility.HtmlDecode(html);

        text.ShouldContain($"{ownerName} ({Brand}) started assisting in Bluebird Dental, for “Checking the plan with you”.");
        text.ShouldContain($"{ownerName} ({Brand}) stopped assisting in Bluebird Dental.");
        text.ShouldContain(" UTC</time>");
        text.ShouldNotContain("assist.started");
        text.ShouldNotContain("{\"");
    }

    [Fact]
    public async Task AuditLog_ForTheAgency_IsSentencesWithTimes_NeverCodesOrJson()
    {
        var (_, _, ownerName, owner) = await AssistedClientAsync();

        var (_, html) = await owner.GetAsync("/admin/audit");
        var text = WebUtility.HtmlDecode(html);

        text.ShouldContain("created the account Bluebird Dental.");
        text.ShouldContain($"{ownerName} ({Brand}) started assisting in Bluebird Dental");
        text.ShouldContain("changed the agency's branding.");
        text.ShouldNotContain("sub_account.created");
        text.ShouldNotContain("{\"");
    }

    [Fact]
    public async Task ClientDashboard_AssistedByAConnectedAgencyAllowedOnlyCredits_ShowsNoReportOrRenameAndARenamePostChangesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var (clientBrowser, _) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        var (_, agencies) = await clientBrowser.GetAsync("/admin/agencies");
        var connectionId = System.Text.RegularExpressions.Regex.Match(agencies, "/admin/connections/([0-9a-f-]{36})/role").Groups[1].Value;
        var limited = await clientBrowser.SubmitAsync("/admin/agencies", $"/admin/connections/{connectionId}/role", ("role", "Member"), ("areas", "Credits"));
        var owner = await api.SignInOwnerAsync(agency);
        var started = await owner.SubmitAsync("/admin", $"/admin/sub-accounts/{client.SubAccountId}/assist", ("reason", "Checking the plan with you"));

        var (status, home) = await owner.GetAsync("/admin");
        await owner.SubmitAsync("/admin", "/admin", ("_handler", "client-details"), ("Details.Name", "Renamed by the agency"));

        limited.Headers.Location!.ToString().ShouldBe("/admin/agencies?notice=role-changed");
        started.Headers.Location!.ToString().ShouldBe("/admin");
        status.ShouldBe(HttpStatusCode.OK);
        home.ShouldContain("Recent activity", customMessage: "the client allowed Credits");
        home.ShouldNotContain("Your credits", customMessage: "the client did not allow Reports");
        home.ShouldNotContain("Save account name", customMessage: "the client did not allow Settings");
        (await api.SubAccountAsync(client.SubAccountId)).Name.ShouldBe("Bluebird Dental");
    }

    // An agency (Brightside Digital) whose owner assisted in its client Bluebird Dental and returned.
    private async Task<(TestAgency Agency, TestClient Client, string OwnerName, Browser Owner)> AssistedClientAsync()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { displayName = Brand }, Ct)).EnsureSuccessStatusCode();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var owner = await api.SignInOwnerAsync(agency);
        var started = await owner.SubmitAsync($"/admin/sub-accounts/{client.SubAccountId}", $"/admin/sub-accounts/{client.SubAccountId}/assist",
            ("reason", "Checking the plan with you"));
        started.Headers.Location!.ToString().ShouldBe("/admin");
        var (_, home) = await owner.GetAsync("/admin");
        (await owner.SubmitAsync("/admin", "/admin/assist/end")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var name = System.Text.RegularExpressions.Regex.Match(home, "<span class=\"who\">([^<]+)</span>").Groups[1].Value;
        return (agency, client, WebUtility.HtmlDecode(name), owner);
    }
}
