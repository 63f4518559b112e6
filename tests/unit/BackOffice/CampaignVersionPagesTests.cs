using System.Net;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Issue 17 in the back office: a template's page lists its linked copies and pushes to them (force only when confirmed),
/// and every campaign's page shows its history with what each version changed and rolls back to one.
/// </summary>
public sealed class CampaignVersionPagesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task TemplatePage_ListsLinkedCopies_WithTheVersionEachTookAndWhichWereEditedLocally()
    {
        var world = await TemplateWithTwoCopiesAsync();
        var browser = await api.SignInOwnerAsync(world.Agency);

        var (status, html) = await browser.GetAsync($"/admin/campaigns/{world.Template}");

        status.ShouldBe(HttpStatusCode.OK);
        var text = WebUtility.HtmlDecode(html);
        text.ShouldContain("Bakery Co");
        text.ShouldContain("Dental Co");
        text.ShouldContain("1 of 2");
        text.ShouldContain("Edited locally");
        text.ShouldContain("In step with version 1");
        text.ShouldContain("Push latest version");
        text.ShouldContain("Force push (overwrite local edits)");
    }

    [Fact]
    public async Task PushButton_UpdatesTheUntouchedCopy_AndSaysTheEditedOneWasSkipped()
    {
        var world = await TemplateWithTwoCopiesAsync();
        var browser = await api.SignInOwnerAsync(world.Agency);
        var page = $"/admin/campaigns/{world.Template}";

        var response = await browser.SubmitAsync(page, page, ("_handler", "push-campaign"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Updated 1 copy: Bakery Co. Skipped 1 because it was edited locally: Dental Co.");
        (await world.Agency.GetCampaignAsync(world.BakeryCopy)).GetProperty("instructions").GetString().ShouldBe("Be brief and kind.");
        (await world.Agency.GetCampaignAsync(world.DentalCopy)).GetProperty("instructions").GetString().ShouldBe("Our own words.");
    }

    [Fact]
    public async Task PushButton_ToACopyWhosePlanHasCampaignsOff_SaysSoInWordsAndLeavesItAsItWas()
    {
        var world = await TemplateWithTwoCopiesAsync();
        await api.AssignPlanAsync(world.Agency, world.Bakery, Features.All & ~Features.Campaigns);
        var browser = await api.SignInOwnerAsync(world.Agency);
        var page = $"/admin/campaigns/{world.Template}";

        var response = await browser.SubmitAsync(page, page, ("_handler", "push-campaign"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Updated no copies. Skipped 1 because it was edited locally: Dental Co. Skipped 1 because its plan has Campaigns switched off: Bakery Co.");
        (await world.Agency.GetCampaignAsync(world.BakeryCopy)).GetProperty("instructions").GetString().ShouldBe("Be brief.");
    }

    [Fact]
    public async Task ForcePush_WithoutTheConfirmation_SaysSoNextToTheFormAndPushesNothing()
    {
        var world = await TemplateWithTwoCopiesAsync();
        var browser = await api.SignInOwnerAsync(world.Agency);
        var page = $"/admin/campaigns/{world.Template}";

        var response = await browser.SubmitAsync(page, page, ("_handler", "force-push-campaign"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Tick the box to confirm that the local edits will be overwritten. Nothing was pushed.");
        (await world.Agency.GetCampaignAsync(world.BakeryCopy)).GetProperty("instructions").GetString().ShouldBe("Be brief.");
        (await world.Agency.GetCampaignAsync(world.DentalCopy)).GetProperty("instructions").GetString().ShouldBe("Our own words.");
    }

    [Fact]
    public async Task ForcePush_Confirmed_OverwritesTheLocalEditsAndSaysWhichCopyWasAlreadyUpToDate()
    {
        var world = await TemplateWithTwoCopiesAsync();
        var browser = await api.SignInOwnerAsync(world.Agency);
        var page = $"/admin/campaigns/{world.Template}";
        await browser.SubmitAsync(page, page, ("_handler", "push-campaign"));

        var response = await browser.SubmitAsync(page, page, ("_handler", "force-push-campaign"), ("Force.Confirm", "true"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        html.ShouldContain("Updated 1 copy: Dental Co. Skipped 1 because it is already up to date: Bakery Co.");
        var dental = await world.Agency.GetCampaignAsync(world.DentalCopy);
        dental.GetProperty("instructions").GetString().ShouldBe("Be brief and kind.");
        dental.GetProperty("editedLocally").GetBoolean().ShouldBeFalse();
        html.ShouldNotContain("<td>Edited locally</td>");
        html.ShouldContain("<td>In step with version 2</td>");
    }

    [Fact]
    public async Task CampaignPage_ShowsEachVersionWithWhatItChangedBeforeAndAfter()
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "One.", settings = new { tone = "warm" } })).GetProperty("id").GetString()!;
        await agency.PatchCampaignAsync(id, new { instructions = "Two.", settings = new { tone = "bold" } });
        var browser = await api.SignInOwnerAsync(agency);

        var (status, html) = await browser.GetAsync($"/admin/campaigns/{id}");

        status.ShouldBe(HttpStatusCode.OK);
        var text = WebUtility.HtmlDecode(html);
        text.ShouldContain("Version 2");
        text.ShouldContain("Changed against version 1: Settings, Instructions.");
        text.ShouldContain("<span class=\"change-label\">Before</span><pre>One.</pre>");
        text.ShouldContain("<span class=\"change-label\">After</span><pre>Two.</pre>");
        text.ShouldContain("\"tone\": \"warm\"");
        text.ShouldContain("The first version.");
        text.ShouldContain("Roll back to this version");
    }

    [Fact]
    public async Task RollbackButton_RestoresTheVersionAsANewOne()
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "One." })).GetProperty("id").GetString()!;
        await agency.PatchCampaignAsync(id, new { instructions = "Two." });
        var browser = await api.SignInOwnerAsync(agency);
        var page = $"/admin/campaigns/{id}";

        var response = await browser.SubmitAsync(page, page, ("_handler", "rollback-campaign"), ("Rollback.Version", "1"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Rolled back to version 1: it is now version 3.");
        html.ShouldContain("rolled back to version 1");
        var campaign = await agency.GetCampaignAsync(id);
        campaign.GetProperty("instructions").GetString().ShouldBe("One.");
        campaign.GetProperty("version").GetInt32().ShouldBe(3);
    }

    [Theory]
    [InlineData("9", "That version does not exist for this campaign.")]
    [InlineData("0", "Choose a version to roll back to with its button.")]
    [InlineData("abc", "Choose a version to roll back to with its button.")]
    public async Task RollbackButton_ToAVersionThatDoesNotExist_SaysSoInWordsAndChangesNothing(string version, string words)
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "One." })).GetProperty("id").GetString()!;
        var browser = await api.SignInOwnerAsync(agency);
        var page = $"/admin/campaigns/{id}";

        var response = await browser.SubmitAsync(page, page, ("_handler", "rollback-campaign"), ("Rollback.Version", version));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(words);
        (await agency.GetCampaignAsync(id)).GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task CampaignPage_OfAnotherAgencysTemplate_IsNotFoundAndPostsToItAreRefusedAndChangeNothing()
    {
        var world = await TemplateWithTwoCopiesAsync();
        var neighbour = await api.CreateAgencyAsync();
        var own = (await neighbour.CreateCampaignAsync(new { name = "Ours" })).GetProperty("id").GetString()!;
        var browser = await api.SignInOwnerAsync(neighbour);
        var theirs = $"/admin/campaigns/{world.Template}";

        var (status, html) = await browser.GetAsync(theirs);
        var force = await browser.SubmitAsync($"/admin/campaigns/{own}", theirs, ("_handler", "force-push-campaign"), ("Force.Confirm", "true"));
        var rollback = await browser.SubmitAsync($"/admin/campaigns/{own}", theirs, ("_handler", "rollback-campaign"), ("Rollback.Version", "1"));

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldNotContain("Spring launch");
        // The page renders no form for a campaign it cannot find, so the post is refused before anything runs.
        force.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        rollback.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        (await world.Agency.GetCampaignAsync(world.DentalCopy)).GetProperty("instructions").GetString().ShouldBe("Our own words.");
        (await world.Agency.GetCampaignAsync(world.Template)).GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task CopyForm_WithLinkedTicked_MakesACopyThatFollowsTheTemplate()
    {
        var agency = await api.CreateAgencyAsync();
        var holder = (await agency.CreateClientAsync(name: "Bakery Co")).SubAccountId;
        var template = (await agency.CreateCampaignAsync(new { name = "Spring launch" })).GetProperty("id").GetString()!;
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/campaigns", $"/admin/campaigns/{template}/copy", ("targetSubAccountId", holder), ("linked", "true"));
        var (_, html) = await browser.GetAsync($"/admin/campaigns/{template}");

        response.Headers.Location!.ToString().ShouldBe("/admin/campaigns?notice=campaign-linked");
        var copy = (await agency.ListCampaignsAsync(holder)).ShouldHaveSingleItem();
        (await agency.GetCampaignAsync(copy.GetProperty("id").GetString()!)).GetProperty("templateId").GetString().ShouldBe(template);
        html.ShouldContain("Bakery Co");
        html.ShouldContain("In step with version 1");
    }

    private sealed record TemplateWorld(TestAgency Agency, string Template, string BakeryCopy, string DentalCopy, string Bakery);

    /// <summary>A template at version 2 with two linked copies at its version 1: Bakery Co's untouched, Dental Co's edited locally.</summary>
    private async Task<TemplateWorld> TemplateWithTwoCopiesAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var bakery = (await agency.CreateClientAsync(name: "Bakery Co")).SubAccountId;
        var dental = (await agency.CreateClientAsync(name: "Dental Co")).SubAccountId;
        var template = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "Be brief." })).GetProperty("id").GetString()!;
        var bakeryCopy = await agency.LinkedCopyAsync(template, bakery);
        var dentalCopy = await agency.LinkedCopyAsync(template, dental);
        await agency.PatchCampaignAsync(dentalCopy, new { instructions = "Our own words." });
        await agency.PatchCampaignAsync(template, new { instructions = "Be brief and kind." });
        return new TemplateWorld(agency, template, bakeryCopy, dentalCopy, bakery);
    }
}
