using System.Net;
using System.Text.RegularExpressions;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>Issue 16: the sub-account list shows each balance and sorts by name, balance or creation, kept in the query string.</summary>
public sealed partial class SubAccountListTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task SubAccountList_SortedByBalance_ShowsBalancesInThatOrderBothWays()
    {
        var agency = await api.CreateAgencyAsync();
        var small = (await agency.CreateClientAsync("reselling", name: "Alpha small")).SubAccountId;
        var large = (await agency.CreateClientAsync("reselling", name: "Beta large")).SubAccountId;
        await agency.CreateClientAsync("shared", name: "Gamma shared");
        await api.GrantPoolAsync(agency, 10_000);
        await agency.GrantAsync(small, 50);
        await agency.GrantAsync(large, 2_500);
        var owner = await api.SignInOwnerAsync(agency);

        var ascending = WebUtility.HtmlDecode((await owner.GetAsync("/admin/sub-accounts?sort=balance&dir=asc")).Html);
        var descending = WebUtility.HtmlDecode((await owner.GetAsync("/admin/sub-accounts?sort=balance&dir=desc")).Html);

        Names(ascending).ShouldBe(["Gamma shared", "Alpha small", "Beta large"]);
        Names(descending).ShouldBe(["Beta large", "Alpha small", "Gamma shared"]);
        ascending.ShouldContain("<td class=\"num\">2,500</td>");
        ascending.ShouldContain("<td class=\"num\">Agency pool</td>");
        ascending.ShouldContain("aria-sort=\"ascending\"");
        ascending.ShouldContain("href=\"/admin/sub-accounts?sort=balance&dir=desc\"");
    }

    [Fact]
    public async Task SubAccountList_SortedByNameOrCreated_KeepsTheOrderInItsLinks()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.CreateClientAsync(name: "Zulu first");
        await agency.CreateClientAsync(name: "Alpha second");
        var owner = await api.SignInOwnerAsync(agency);

        var byName = WebUtility.HtmlDecode((await owner.GetAsync("/admin/sub-accounts")).Html);
        var byCreated = WebUtility.HtmlDecode((await owner.GetAsync("/admin/sub-accounts?sort=created&dir=asc")).Html);
        var nonsense = await owner.GetAsync("/admin/sub-accounts?sort=%3Cscript%3E&dir=sideways");

        Names(byName).ShouldBe(["Alpha second", "Zulu first"]);
        Names(byCreated).ShouldBe(["Zulu first", "Alpha second"]);
        byCreated.ShouldContain("href=\"/admin/sub-accounts?sort=created&dir=desc\"");
        nonsense.Status.ShouldBe(HttpStatusCode.OK);
        Names(WebUtility.HtmlDecode(nonsense.Html)).ShouldBe(["Alpha second", "Zulu first"]);
    }

    private static List<string> Names(string html) =>
        [.. NameCell().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<td><a href=\"/admin/sub-accounts/[^\"]+\">([^<]+)</a></td>")]
    private static partial Regex NameCell();
}
