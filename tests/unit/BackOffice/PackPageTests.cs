using System.Net;
using ResellerKit.Tests.Unit.Support;
using static ResellerKit.Tests.Unit.Support.PackPageDriver;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Issue 16: packs are priced in the currency's units (minor units stay in the API), the page reads as money, a stray
/// edit link shows the page, and archiving a pack asks first and says what it means.
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
}
