using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// A client's own campaigns in its back office: the ones its account holds, what each holds and its history, read
/// only. Another client's campaign, or the agency's own, is not there.
/// </summary>
public sealed class ClientCampaignPagesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task MyCampaigns_AsTheClient_ListsItsOwnCampaignsOnly()
    {
        var (agency, client, mine) = await ClientWithACampaignAsync();
        var other = await agency.CreateClientAsync(name: "Harbour Bakery");
        await agency.CreateCampaignAsync(new { name = "Harbour Bread Week", subAccountId = other.SubAccountId });
        await agency.CreateCampaignAsync(new { name = "Agency Master Template" });
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (status, html) = await browser.GetAsync("/admin/my-campaigns");
        var text = WebUtility.HtmlDecode(html);

        status.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain($"<a href=\"/admin/my-campaigns/{mine}\">Spring Cleaning Offer</a>");
        text.ShouldNotContain("Harbour Bread Week");
        text.ShouldNotContain("Agency Master Template");
        text.ShouldContain("<a href=\"/admin/my-campaigns\"", customMessage: "the client's menu leads to its campaigns");
    }

    [Fact]
    public async Task MyCampaign_AfterTheAgencyChangedIt_ShowsWhatItHoldsAndEachVersionWithoutRollback()
    {
        var (agency, client, mine) = await ClientWithACampaignAsync();
        await agency.PatchCampaignAsync(mine, new { instructions = "Offer 20% off every booking in April." });
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (status, html) = await browser.GetAsync($"/admin/my-campaigns/{mine}");
        var text = WebUtility.HtmlDecode(html);

        status.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain("<h1>Spring Cleaning Offer</h1>");
        text.ShouldContain("Version 2, last changed");
        text.ShouldContain("Offer 20% off every booking in April.");
        text.ShouldContain("Version 1");
        text.ShouldNotContain("Roll back to this version");
        text.ShouldNotContain("ResellerKit");
    }

    [Fact]
    public async Task MyCampaign_OfAnotherClientOfTheSameAgency_IsNotFound()
    {
        var (agency, client, _) = await ClientWithACampaignAsync();
        var other = await agency.CreateClientAsync(name: "Harbour Bakery");
        var theirs = (await agency.CreateCampaignAsync(new { name = "Harbour Bread Week", subAccountId = other.SubAccountId })).GetProperty("id").GetString()!;
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (status, html) = await browser.GetAsync($"/admin/my-campaigns/{theirs}");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldNotContain("Harbour Bread Week");
    }

    [Fact]
    public async Task RollbackForm_PostedByTheClient_ChangesNothing()
    {
        var (agency, client, mine) = await ClientWithACampaignAsync();
        await agency.PatchCampaignAsync(mine, new { instructions = "Offer 20% off every booking in April." });
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var response = await browser.SubmitAsync($"/admin/my-campaigns/{mine}", $"/admin/my-campaigns/{mine}",
            ("_handler", "rollback-campaign"), ("Rollback.Version", "1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the post reached the page's rollback handler, which refused it");
        var campaign = await agency.Client.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{mine}", Ct);
        campaign.GetProperty("version").GetInt32().ShouldBe(2, "only the agency rolls a campaign back");
        campaign.GetProperty("instructions").GetString().ShouldBe("Offer 20% off every booking in April.");
    }

    // An agency whose client Bluebird Dental holds one campaign, Spring Cleaning Offer (version 1).
    private async Task<(TestAgency Agency, TestClient Client, string Campaign)> ClientWithACampaignAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var campaign = await agency.CreateCampaignAsync(new { name = "Spring Cleaning Offer", subAccountId = client.SubAccountId, instructions = "Offer 10% off." });
        return (agency, client, campaign.GetProperty("id").GetString()!);
    }
}
