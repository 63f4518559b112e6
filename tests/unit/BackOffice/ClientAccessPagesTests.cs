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
        var (agency, client, clientBrowser, connectionId) = await ConnectedClientAsync();
        var limited = await LimitAsync(clientBrowser, connectionId, "Credits");
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

    [Fact]
    public async Task MyCampaigns_AssistedByAConnectedAgencyAllowedOnlyReports_AreRefusedUntilTheClientAllowsSettings()
    {
        var (agency, client, clientBrowser, connectionId) = await ConnectedClientAsync(campaign: "Spring Cleaning Offer");
        var campaignId = await CampaignOfAsync(clientBrowser);
        await LimitAsync(clientBrowser, connectionId, "Reports");
        var owner = await api.SignInOwnerAsync(agency);
        await owner.SubmitAsync("/admin", $"/admin/sub-accounts/{client.SubAccountId}/assist", ("reason", "Checking the plan with you"));

        var (_, home) = await owner.GetAsync("/admin");
        var (listStatus, list) = await owner.GetAsync("/admin/my-campaigns");
        var (oneStatus, one) = await owner.GetAsync($"/admin/my-campaigns/{campaignId}");
        await LimitAsync(clientBrowser, connectionId, "Settings");
        var (allowedStatus, allowed) = await owner.GetAsync("/admin/my-campaigns");

        home.ShouldContain("Assist mode:");
        home.ShouldNotContain("href=\"/admin/my-campaigns\"", customMessage: "the menu offers no page the client did not open to the agency");
        listStatus.ShouldBe(HttpStatusCode.Forbidden);
        list.ShouldContain("Not available here");
        list.ShouldNotContain("Spring Cleaning Offer");
        oneStatus.ShouldBe(HttpStatusCode.Forbidden);
        one.ShouldNotContain("Offer 10% off.");
        allowedStatus.ShouldBe(HttpStatusCode.OK, "the client's role for the agency now includes Settings");
        allowed.ShouldContain("Spring Cleaning Offer");
    }

    [Fact]
    public async Task AccessLog_WhileTheAgencyAssists_IsRefusedAndNotInTheMenu()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var owner = await api.SignInOwnerAsync(agency);
        await owner.SubmitAsync($"/admin/sub-accounts/{client.SubAccountId}", $"/admin/sub-accounts/{client.SubAccountId}/assist", ("reason", "Checking the plan with you"));

        var (_, home) = await owner.GetAsync("/admin");
        var (status, html) = await owner.GetAsync("/admin/access-log");

        home.ShouldContain("Assist mode:");
        home.ShouldContain("href=\"/admin/my-campaigns\"", customMessage: "the agency's own member with every area opens the campaigns");
        home.ShouldNotContain("href=\"/admin/access-log\"");
        home.ShouldNotContain("href=\"/admin/agencies\"", customMessage: "who has access is the client's own page too");
        status.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(html).ShouldContain("Only the account's own users read its access log.");
        html.ShouldNotContain("started assisting");
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

    // Bluebird Dental (holding a campaign if named, with "Offer 10% off."), handed over by its agency, which stays
    // connected as an admin; the client's browser on "Agencies with access" and the connection's id.
    private async Task<(TestAgency Agency, TestClient Client, Browser ClientBrowser, string ConnectionId)> ConnectedClientAsync(string? campaign = null)
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        if (campaign is not null)
        {
            await agency.CreateCampaignAsync(new { name = campaign, subAccountId = client.SubAccountId, instructions = "Offer 10% off." });
        }
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var (clientBrowser, _) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        var (_, agencies) = await clientBrowser.GetAsync("/admin/agencies");
        var connectionId = System.Text.RegularExpressions.Regex.Match(agencies, "/admin/connections/([0-9a-f-]{36})/role").Groups[1].Value;
        connectionId.ShouldNotBeEmpty("the client sees the agency's connection with its role form");
        return (agency, client, clientBrowser, connectionId);
    }

    // The client makes the connected agency a member opening only these areas.
    private static Task<HttpResponseMessage> LimitAsync(Browser clientBrowser, string connectionId, params string[] areas) =>
        clientBrowser.SubmitAsync("/admin/agencies", $"/admin/connections/{connectionId}/role",
            [("role", "Member"), .. areas.Select(a => ("areas", a))]);

    // The id of the one campaign the client's own campaigns page lists.
    private static async Task<string> CampaignOfAsync(Browser clientBrowser)
    {
        var (_, html) = await clientBrowser.GetAsync("/admin/my-campaigns");
        var id = System.Text.RegularExpressions.Regex.Match(html, "/admin/my-campaigns/([0-9a-f-]{36})").Groups[1].Value;
        id.ShouldNotBeEmpty("the client's own campaigns page lists the campaign");
        return id;
    }
}
