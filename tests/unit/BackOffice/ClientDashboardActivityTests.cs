using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>The client's dashboard names each activity row in words, never the API's type codes.</summary>
public sealed class ClientDashboardActivityTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task ClientDashboard_Activity_NamesEachTypeInWordsNotCodes()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync("reselling");
        await agency.GrantAsync(client.SubAccountId, 250);
        (await agency.Client.UsageAsync(client.SubAccountId, 40)).EnsureSuccessStatusCode();
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (status, html) = await browser.GetAsync("/admin");
        var text = WebUtility.HtmlDecode(html);

        status.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain("<td>Credits given — test</td>");
        text.ShouldContain("<td>Used — test usage</td>");
        text.ShouldNotContain("<td>grant");
        text.ShouldNotContain("<td>usage");
    }
}
