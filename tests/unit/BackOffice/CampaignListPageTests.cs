using System.Net;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>The back office's Campaigns page: the list with owners and origins, creating one, and "Copy to sub-account".</summary>
public sealed class CampaignListPageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task CampaignsPage_ListsTheAgencysAndItsSubAccountsCampaigns_WithWhereCopiesCameFrom()
    {
        var agency = await api.CreateAgencyAsync();
        var bakery = (await agency.CreateClientAsync(name: "Bakery Co")).SubAccountId;
        var source = (await agency.CreateCampaignAsync(new { name = "Spring launch" })).GetProperty("id").GetString()!;
        (await agency.CopyCampaignAsync(source, bakery)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var browser = await api.SignInOwnerAsync(agency);

        var (status, html) = await browser.GetAsync("/admin/campaigns");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Your agency");
        html.ShouldContain("Bakery Co");
        WebUtility.HtmlDecode(html).ShouldContain($"Copied from Agency {agency.Slug}'s Spring launch");
        html.ShouldContain($"action=\"/admin/campaigns/{source}/copy\"");
    }

    [Fact]
    public async Task CopyForm_CopiesTheCampaignToTheChosenSubAccount()
    {
        var agency = await api.CreateAgencyAsync();
        var target = (await agency.CreateClientAsync(name: "Bakery Co")).SubAccountId;
        var source = (await agency.CreateCampaignAsync(new { name = "Spring launch", settings = new { tone = "warm" } })).GetProperty("id").GetString()!;
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/campaigns", $"/admin/campaigns/{source}/copy", ("targetSubAccountId", target));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/admin/campaigns?notice=campaign-copied");
        var copy = (await agency.ListCampaignsAsync(target)).ShouldHaveSingleItem();
        (await agency.GetCampaignAsync(copy.GetProperty("id").GetString()!)).GetProperty("settings").GetRawText().ShouldBe("{\"tone\":\"warm\"}");
    }

    [Fact]
    public async Task CopyForm_ForAnotherAgencysCampaignOrSubAccount_CopiesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var neighbour = await api.CreateAgencyAsync();
        var mine = await agency.CreateSubAccountAsync();
        var myCampaign = (await agency.CreateCampaignAsync(new { name = "Mine" })).GetProperty("id").GetString()!;
        var theirs = await neighbour.CreateSubAccountAsync();
        var theirCampaign = (await neighbour.CreateCampaignAsync(new { name = "Theirs" })).GetProperty("id").GetString()!;
        var browser = await api.SignInOwnerAsync(agency);

        var intoTheirs = await browser.SubmitAsync("/admin/campaigns", $"/admin/campaigns/{myCampaign}/copy", ("targetSubAccountId", theirs));
        var fromTheirs = await browser.SubmitAsync("/admin/campaigns", $"/admin/campaigns/{theirCampaign}/copy", ("targetSubAccountId", mine));

        intoTheirs.Headers.Location!.ToString().ShouldBe("/admin/campaigns?notice=not-found");
        fromTheirs.Headers.Location!.ToString().ShouldBe("/admin/campaigns?notice=not-found");
        (await neighbour.ListCampaignsAsync(theirs)).ShouldBeEmpty();
        (await agency.ListCampaignsAsync(mine)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CopyForm_IntoASubAccountWithCampaignsOff_SaysSoAndCopiesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var target = await agency.CreateSubAccountAsync();
        await api.AssignPlanAsync(agency, target, Features.All & ~Features.Campaigns);
        var source = (await agency.CreateCampaignAsync(new { name = "Spring launch" })).GetProperty("id").GetString()!;
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/campaigns", $"/admin/campaigns/{source}/copy", ("targetSubAccountId", target));
        var (_, html) = await browser.GetAsync(response.Headers.Location!.ToString());

        response.Headers.Location!.ToString().ShouldBe("/admin/campaigns?notice=campaigns-off");
        html.ShouldContain("Campaigns switched off");
        (await agency.ListCampaignsAsync(target)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateForm_CreatesACampaignForTheChosenOwner()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await agency.CreateSubAccountAsync();
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/campaigns", "/admin/campaigns", ("_handler", "create-campaign"),
            ("Input.Name", "Winter sale"), ("Input.Owner", owner), ("Input.Instructions", "Be brief."), ("Input.Settings", "{\"a\": [1, 2]}"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Campaign Winter sale created.");
        var created = (await agency.ListCampaignsAsync(owner)).ShouldHaveSingleItem();
        var read = await agency.GetCampaignAsync(created.GetProperty("id").GetString()!);
        read.GetProperty("settings").GetRawText().ShouldBe("{\"a\":[1,2]}");
        read.GetProperty("instructions").GetString().ShouldBe("Be brief.");
    }

    [Theory]
    [InlineData("Input.Settings", "{nope", "not valid JSON")]
    [InlineData("Input.Configuration", "[1]", "must be a JSON object")]
    public async Task CreateForm_WithBadJson_ShowsTheFieldErrorAndCreatesNothing(string field, string value, string message)
    {
        var agency = await api.CreateAgencyAsync();
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/campaigns", "/admin/campaigns", ("_handler", "create-campaign"),
            ("Input.Name", "Broken"), ("Input.Owner", ""), (field, value));
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(message);
        (await agency.ListCampaignsAsync()).ShouldBeEmpty();
    }
}
