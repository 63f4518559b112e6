using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Issue 16: packs are priced in the currency's units (minor units stay in the API), a second pack with a name on
/// sale is refused next to the name, a pack can be edited under the same rules, and the floor reads as money.
/// </summary>
public sealed class PackPageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task AddPack_PriceTypedInDollars_IsSoldForThatManyDollars()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var html = await AddPackAsync(owner, "Dollars", "750", "90.00", "usd");
        var pack = await SinglePackAsync(agency, "Dollars");

        html.ShouldContain("Pack Dollars added.");
        html.ShouldContain("$90.00");
        pack.GetProperty("unitAmount").GetInt64().ShouldBe(9_000);
        html.ShouldNotContain("cents");
        html.ShouldNotContain("minor units");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("01a2476b-d5a1")]
    public async Task PacksPage_EditLinkThatIsNoPackId_ShowsThePageWithoutAnEditForm(string edit)
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var (status, html) = await owner.GetAsync($"/admin/packs?edit={edit}");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Packs");
        html.ShouldNotContain("Save changes");
    }

    [Fact]
    public async Task AddPack_YenPrice_IsWholeYenAndAFractionIsRefusedInWords()
    {
        await api.SetMinimumAsync("jpy", "0.5");
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var added = await AddPackAsync(owner, "Yen pack", "1000", "1500", "jpy");
        var fraction = await AddPackAsync(owner, "Yen fraction", "1000", "1500.5", "jpy");

        added.ShouldContain("¥1,500");
        (await SinglePackAsync(agency, "Yen pack")).GetProperty("unitAmount").GetInt64().ShouldBe(1_500);
        fraction.ShouldContain("Enter a price from ¥1 to ¥99,999,999, like 1500.");
    }

    [Fact]
    public async Task AddPack_EveryFieldWrong_ShowsEachErrorUnderItsFieldAndKeepsWhatWasTyped()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var highlight = new string('h', 41);

        var response = await owner.SubmitAsync("/admin/packs", "/admin/packs", ("_handler", "create-pack"), ("Input.Name", " "),
            ("Input.Credits", "0"), ("Input.Price", "abc"), ("Input.Currency", "usd"), ("Input.Highlight", highlight), ("Input.SortOrder", "99999"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        foreach (var field in new[] { "name", "credits", "unitAmount", "highlight", "sortOrder" })
        {
            html.ShouldContain($"id=\"{field}-error\"", customMessage: $"{field} has its own message");
        }
        html.ShouldContain("Enter a price from $0.01 to $999,999.99, like 12.00.");
        html.ShouldContain("value=\"abc\"");
        html.ShouldContain($"value=\"{highlight}\"");
        html.ShouldContain("value=\"99999\"");
    }

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

    [Fact]
    public async Task ArchivePack_FromThePacksList_AsksFirstThenSaysArchivedAndWhatItMeans()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Old bundle", 100, 1_500);
        var owner = await api.SignInOwnerAsync(agency);
        var action = $"/admin/packs/{pack}/archive";

        var list = WebUtility.HtmlDecode((await owner.GetAsync("/admin/packs")).Html);
        var confirm = WebUtility.HtmlDecode((await owner.GetAsync($"/admin/packs?archive={pack}")).Html);
        var archived = await owner.SubmitAsync($"/admin/packs?archive={pack}", action);
        var after = WebUtility.HtmlDecode((await owner.GetAsync(archived.Headers.Location!.ToString())).Html);

        list.ShouldNotContain($"action=\"{action}\"");
        list.ShouldContain($"href=\"/admin/packs?archive={pack}#archive-pack\"");
        confirm.ShouldContain("Archive Old bundle?");
        confirm.ShouldContain("Clients will no longer see this pack");
        confirm.ShouldContain("Purchases already made keep it");
        confirm.ShouldContain($"action=\"{action}\"");
        after.ShouldContain("Pack archived. Clients no longer see it or can buy it; purchases already made keep their credits.");
        after.ShouldNotContain("Removed.");
        (await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PacksPage_OnAPhone_RowsStackWithEachValueNamedByItsColumn()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.CreatePackAsync("Stacked", 100, 1_500);
        var owner = await api.SignInOwnerAsync(agency);

        var html = WebUtility.HtmlDecode((await owner.GetAsync("/admin/packs")).Html);

        html.ShouldContain("<table aria-label=\"Packs\" class=\"stack\">");
        foreach (var column in new[] { "Credits", "Price", "Platform fee", "You keep", "Status" })
        {
            html.ShouldContain($"<td data-label=\"{column}\"");
        }
    }

    [Fact]
    public async Task CustomQuantity_PerCreditPriceTypedInDollars_IsStoredInCents()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var response = await owner.SubmitAsync("/admin/packs", "/admin/packs", ("_handler", "custom-quantity"),
            ("Offer.PricePerCredit", "0.015"), ("Offer.Currency", "usd"), ("Offer.MinCredits", "10"), ("Offer.MaxCredits", "1000"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        var reread = WebUtility.HtmlDecode((await owner.GetAsync("/admin/packs")).Html);

        html.ShouldContain("Custom quantity pricing saved.");
        System.Text.RegularExpressions.Regex.IsMatch(reread, "id=\"cq-price\"[^>]*value=\"0.015\"|value=\"0.015\"[^>]*id=\"cq-price\"").ShouldBeTrue();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResellerKit.Engine.Persistence.EngineDbContext>();
        var stored = db.Agencies.Single(a => a.Slug == agency.Slug).CustomQuantity;
        stored.Price.Minor.ShouldBe(1.5m);
    }

    [Fact]
    public async Task FloorPrices_Table_ShowsMoneyPerCreditAndTakesAmountsInTheCurrency()
    {
        var agency = await api.CreateAgencyAsync();
        var admin = await api.SignInPlatformAdminAsync(agency);

        var saved = await admin.SubmitAsync("/admin/platform/prices", "/admin/platform/prices", ("_handler", "set-floor"),
            ("Input.Currency", "chf"), ("Input.Minimum", "0.005"), ("Input.Fee", "0.004"));
        var tooHigh = await admin.SubmitAsync("/admin/platform/prices", "/admin/platform/prices", ("_handler", "set-floor"),
            ("Input.Currency", "chf"), ("Input.Minimum", "0.005"), ("Input.Fee", "0.006"));
        var floors = await (await api.Platform().GetAsync("/api/v1/platform/minimum-prices", Ct)).ExpectAsync(HttpStatusCode.OK);

        var table = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(Ct));
        table.ShouldContain("<td>CHF</td><td class=\"num\">CHF0.005</td><td class=\"num\">CHF0.004</td>");
        WebUtility.HtmlDecode(await tooHigh.Content.ReadAsStringAsync(Ct))
            .ShouldContain("The platform fee (CHF0.006) can't be more than the minimum price per credit (CHF0.005)");
        var chf = floors.GetProperty("data").EnumerateArray().Single(f => f.GetProperty("currency").GetString() == "chf");
        chf.GetProperty("unitAmountPerCredit").GetString().ShouldBe("0.5");
        chf.GetProperty("platformFeePerCredit").GetString().ShouldBe("0.4");
    }

    private static async Task<string> AddPackAsync(Browser owner, string name, string credits, string price, string currency)
    {
        var response = await owner.SubmitAsync("/admin/packs", "/admin/packs", ("_handler", "create-pack"), ("Input.Name", name),
            ("Input.Credits", credits), ("Input.Price", price), ("Input.Currency", currency));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<string> EditPackAsync(Browser owner, string page, string name, string credits, string price, string currency)
    {
        var response = await owner.SubmitAsync(page, page, ("_handler", "edit-pack"), ("Input.Name", name),
            ("Input.Credits", credits), ("Input.Price", price), ("Input.Currency", currency));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    // The message element a field's refusal is shown in (FieldError: <p class="field-error" id="{field}-error">).
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"{id} is shown");
        return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    private static async Task<System.Text.Json.JsonElement> SinglePackAsync(TestAgency agency, string name) =>
        (await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("data").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
}
