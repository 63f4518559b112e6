using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Issue 17, campaign templates with versions: every change is a version, a linked copy follows its template when the
/// agency pushes, a copy edited locally is skipped unless forced, and a rollback restores a version as a new one.
/// </summary>
public abstract class CampaignVersionTests(ApiFixture api)
{
    [Fact]
    public async Task Push_ToTwoLinkedCopies_UpdatesTheUntouchedOneAndSkipsTheEditedOneUntilForced()
    {
        var agency = await api.CreateAgencyAsync();
        var template = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "Be brief." })).GetProperty("id").GetString()!;
        var untouched = await LinkedCopyAsync(agency, template);
        var edited = await LinkedCopyAsync(agency, template);
        await PatchAsync(agency, edited, new { instructions = "Our own words." });
        await PatchAsync(agency, template, new { instructions = "Be brief and kind." });

        var pushed = await PushAsync(agency, template, new { });
        var forced = await PushAsync(agency, template, new { force = true });

        Ids(pushed, "updated").ShouldBe([untouched]);
        pushed.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("copyId").GetString(), s.GetProperty("reason").GetString()))
            .ShouldBe([(edited, "edited_locally")]);
        Ids(forced, "updated").ShouldBe([edited]);
        var copy = await agency.GetCampaignAsync(edited);
        copy.GetProperty("instructions").GetString().ShouldBe("Be brief and kind.");
        copy.GetProperty("editedLocally").GetBoolean().ShouldBeFalse();
        copy.GetProperty("templateVersion").GetInt32().ShouldBe(2);
        (await agency.GetCampaignAsync(untouched)).GetProperty("instructions").GetString().ShouldBe("Be brief and kind.");
    }

    [Fact]
    public async Task Push_ToChosenSubAccounts_LeavesTheOthersAsTheyWere()
    {
        var agency = await api.CreateAgencyAsync();
        var template = (await agency.CreateCampaignAsync(new { name = "Spring launch" })).GetProperty("id").GetString()!;
        var (first, firstHolder) = await LinkedCopyWithHolderAsync(agency, template);
        var (second, _) = await LinkedCopyWithHolderAsync(agency, template);
        await PatchAsync(agency, template, new { instructions = "New." });

        var pushed = await PushAsync(agency, template, new { subAccountIds = new[] { firstHolder } });

        Ids(pushed, "updated").ShouldBe([first]);
        (await agency.GetCampaignAsync(second)).GetProperty("instructions").GetString().ShouldBe("");
    }

    [Fact]
    public async Task Versions_OfACampaign_CountEveryChangeAndRollbackIsANewVersion()
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "One." })).GetProperty("id").GetString()!;
        await PatchAsync(agency, id, new { instructions = "Two." });
        await PatchAsync(agency, id, new { instructions = "Three." });

        var rolledBack = await (await agency.Client.PostAsJsonAsync($"/api/v1/campaigns/{id}/rollback", new { version = 1 }, Ct)).ExpectAsync(HttpStatusCode.OK);
        var versions = await (await agency.Client.GetAsync($"/api/v1/campaigns/{id}/versions", Ct)).ExpectAsync(HttpStatusCode.OK);

        rolledBack.GetProperty("instructions").GetString().ShouldBe("One.");
        rolledBack.GetProperty("version").GetInt32().ShouldBe(4);
        versions.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([4, 3, 2, 1]);
        versions.GetProperty("data")[0].GetProperty("change").GetString().ShouldBe("rolled back to version 1");
    }

    [Theory]
    [InlineData(9, HttpStatusCode.NotFound, "not_found")]
    [InlineData(0, HttpStatusCode.BadRequest, "validation_failed")]
    public async Task Rollback_ToAVersionThatDoesNotExist_IsRefusedAndChangesNothing(int version, HttpStatusCode status, string code)
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "One." })).GetProperty("id").GetString()!;

        var response = await agency.Client.PostAsJsonAsync($"/api/v1/campaigns/{id}/rollback", new { version }, Ct);

        (await response.ExpectAsync(status)).GetProperty("code").GetString().ShouldBe(code);
        (await agency.GetCampaignAsync(id)).GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task PushAndVersions_OfAnotherAgencysTemplate_Answer404AndTouchNothing()
    {
        var owner = await api.CreateAgencyAsync();
        var template = (await owner.CreateCampaignAsync(new { name = "Spring launch" })).GetProperty("id").GetString()!;
        var copy = await LinkedCopyAsync(owner, template);
        await PatchAsync(owner, template, new { instructions = "New." });
        var other = await api.CreateAgencyAsync();

        var push = await other.Client.PostAsJsonAsync($"/api/v1/campaigns/{template}/push", new { force = true }, Ct);
        var versions = await other.Client.GetAsync($"/api/v1/campaigns/{template}/versions", Ct);
        var rollback = await other.Client.PostAsJsonAsync($"/api/v1/campaigns/{template}/rollback", new { version = 1 }, Ct);

        (await push.ExpectAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not_found");
        await versions.ExpectAsync(HttpStatusCode.NotFound);
        await rollback.ExpectAsync(HttpStatusCode.NotFound);
        (await owner.GetCampaignAsync(copy)).GetProperty("instructions").GetString().ShouldBe("");
        (await owner.GetCampaignAsync(template)).GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Push_ToACopyWhosePlanHasCampaignsOff_SkipsItAsCampaignsOffEvenWhenForced()
    {
        var agency = await api.CreateAgencyAsync();
        var template = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "Be brief." })).GetProperty("id").GetString()!;
        var allowed = await LinkedCopyAsync(agency, template);
        var (refused, holder) = await LinkedCopyWithHolderAsync(agency, template);
        await api.AssignPlanAsync(agency, holder, Features.All & ~Features.Campaigns);
        await PatchAsync(agency, template, new { instructions = "Be brief and kind." });

        var forced = await PushAsync(agency, template, new { force = true });

        Ids(forced, "updated").ShouldBe([allowed]);
        forced.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("copyId").GetString(), s.GetProperty("reason").GetString()))
            .ShouldBe([(refused, "campaigns_off")]);
        var untouched = await agency.GetCampaignAsync(refused);
        untouched.GetProperty("instructions").GetString().ShouldBe("Be brief.");
        untouched.GetProperty("version").GetInt32().ShouldBe(1);
    }

    private static async Task<string> LinkedCopyAsync(TestAgency agency, string template) => (await LinkedCopyWithHolderAsync(agency, template)).Copy;

    private static async Task<(string Copy, string Holder)> LinkedCopyWithHolderAsync(TestAgency agency, string template)
    {
        var holder = await agency.CreateSubAccountAsync();
        return (await agency.LinkedCopyAsync(template, holder), holder);
    }

    private static Task PatchAsync(TestAgency agency, string id, object body) => agency.PatchCampaignAsync(id, body);

    private static async Task<JsonElement> PushAsync(TestAgency agency, string id, object body) =>
        await (await agency.Client.PostAsJsonAsync($"/api/v1/campaigns/{id}/push", body, Ct)).ExpectAsync(HttpStatusCode.OK);

    private static List<string?> Ids(JsonElement result, string property) =>
        result.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();
}

public sealed class CampaignVersionTestsOnSqlite(SqliteApi api) : CampaignVersionTests(api), IClassFixture<SqliteApi>;

public sealed class CampaignVersionTestsOnPostgres(PostgresApi api) : CampaignVersionTests(api), IClassFixture<PostgresApi>;
