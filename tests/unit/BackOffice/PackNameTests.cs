using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;
using static ResellerKit.Tests.Unit.Support.PackPageDriver;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// A second pack with a name on sale is refused next to the name, on the page and through the API, and at the same time
/// as the form's other refusals (a price below the floor, wrong credits); editing a pack follows the same rules.
/// </summary>
public sealed class PackNameTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task AddPack_SameNameAsAPackOnSale_IsRefusedNextToTheName()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        await AddPackAsync(owner, "Starter", "100", "15.00", "usd");

        var html = await AddPackAsync(owner, "starter", "200", "25.00", "usd");
        var packs = await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK);

        html.ShouldContain("id=\"name-error\"");
        html.ShouldContain("You already have a pack called starter. Give this one another name.");
        packs.GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task AddPack_NameTakenAndPriceBelowTheFloor_ShowsBothUnderTheirFieldsAtOnceAndKeepsWhatWasTyped()
    {
        await api.SetMinimumAsync("cad", "0.5");
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        await AddPackAsync(owner, "Starter", "100", "15.00", "cad");

        var html = await AddPackAsync(owner, "starter", "100", "0.40", "cad");
        var packs = await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK);

        Section(html, "name-error").ShouldContain("You already have a pack called starter. Give this one another name.");
        Section(html, "unitAmount-error").ShouldContain("The platform's minimum for CAD is CA$0.005 per credit, so 100 credits must cost at least CA$0.50; CA$0.40 is below it.");
        html.ShouldContain("value=\"starter\"");
        html.ShouldContain("value=\"0.40\"");
        packs.GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task AddPack_NameTakenAndCreditsWrong_ShowsBothUnderTheirFieldsAtOnce()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        await AddPackAsync(owner, "Starter", "100", "15.00", "usd");

        var html = await AddPackAsync(owner, "Starter", "0", "15.00", "usd");

        Section(html, "name-error").ShouldContain("You already have a pack called Starter.");
        html.ShouldContain("id=\"credits-error\"");
        html.ShouldContain("value=\"0\"");
    }

    [Fact]
    public async Task EditPack_NameTakenAndPriceBelowTheFloor_ShowsBothUnderTheirFieldsAtOnce()
    {
        await api.SetMinimumAsync("cad", "0.5");
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Old name", 100, 1_500, "cad");
        await agency.CreatePackAsync("Taken", 100, 1_500, "cad");
        var owner = await api.SignInOwnerAsync(agency);
        var page = $"/admin/packs?edit={pack}";

        var html = await EditPackAsync(owner, page, "Taken", "100", "0.40", "cad");
        var stored = await SinglePackAsync(agency, "Old name");

        Section(html, "name-error").ShouldContain("You already have a pack called Taken.");
        Section(html, "unitAmount-error").ShouldContain("CA$0.40 is below it.");
        html.ShouldContain("value=\"0.40\"");
        stored.GetProperty("unitAmount").GetInt64().ShouldBe(1_500);
    }

    [Fact]
    public async Task CreatePack_NameTakenAndPriceBelowTheFloorThroughTheApi_StillAnswers409ConflictFirst()
    {
        await api.SetMinimumAsync("cad", "0.5");
        var agency = await api.CreateAgencyAsync();
        await agency.CreatePackAsync("Growth", 500, 6_000, "cad");

        var again = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "Growth", credits = 100, unitAmount = 40, currency = "cad" }, Ct);
        var below = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "Other", credits = 100, unitAmount = 40, currency = "cad" }, Ct);

        await again.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
        await below.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "price_below_minimum");
    }

    [Fact]
    public async Task CreatePack_SameNameTwiceThroughTheApi_Answers409Conflict()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.CreatePackAsync("Growth", 500, 6_000);

        var again = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = " Growth ", credits = 100, unitAmount = 1_500, currency = "usd" }, Ct);

        var problem = await again.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("detail").GetString()!.ShouldContain("You already have a pack called Growth.");
    }

    [Fact]
    public async Task EditPack_NewNameAndPrice_IsSavedAndBelowTheFloorIsRefusedInMoney()
    {
        await api.SetMinimumAsync("cad", "0.5");
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Old name", 100, 1_500, "cad");
        await agency.CreatePackAsync("Taken", 100, 1_500, "cad");
        var owner = await api.SignInOwnerAsync(agency);
        var page = $"/admin/packs?edit={pack}";

        var form = WebUtility.HtmlDecode((await owner.GetAsync(page)).Html);
        var renamedToTaken = await EditPackAsync(owner, page, "Taken", "100", "20.00", "cad");
        var below = await EditPackAsync(owner, page, "New name", "100", "0.40", "cad");
        var saved = await EditPackAsync(owner, page, "New name", "200", "20.00", "cad");
        var stored = await SinglePackAsync(agency, "New name");

        form.ShouldContain("Edit Old name");
        form.ShouldContain("value=\"15.00\"");
        renamedToTaken.ShouldContain("You already have a pack called Taken.");
        below.ShouldContain("The platform's minimum for CAD is CA$0.005 per credit, so 100 credits must cost at least CA$0.50; CA$0.40 is below it.");
        saved.ShouldContain("Pack New name saved.");
        stored.GetProperty("credits").GetInt64().ShouldBe(200);
        stored.GetProperty("unitAmount").GetInt64().ShouldBe(2_000);
    }
}
