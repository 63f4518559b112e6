using System.Net;
using System.Text.RegularExpressions;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// The page a client opens from a connection request email (<c>/admin/connections/respond</c>): it says who asks for
/// what, and answers a bad, foreign or spent link with its status and in words, on SQLite and on PostgreSQL (where the
/// page once shared the layout's database context while the layout was still loading).
/// </summary>
public abstract partial class ConnectionResponsePageTests(ApiFixture api)
{
    [Fact]
    public async Task RespondPage_FromTheEmailedLink_SaysWhoAsksForAccessEveryTime()
    {
        var (client, browser, link, agency) = await RequestedAsync();

        var opened = new List<(HttpStatusCode Status, string Html)>();
        for (var i = 0; i < 5; i++)
        {
            opened.Add(await browser.GetAsync(link));
        }

        opened.ShouldAllBe(o => o.Status == HttpStatusCode.OK, "the page opens on every visit, not only when the layout happens to finish first");
        opened[^1].Html.ShouldContain($"Agency {agency.Slug}</strong> asks for access to <strong>Bluebird Dental");
        opened[^1].Html.ShouldContain("Accept");
        (await api.SubAccountAsync(client.SubAccountId)).Name.ShouldBe("Bluebird Dental");
    }

    [Fact]
    public async Task RespondPage_WithACutLink_Answers400InWords()
    {
        var (_, browser, link, _) = await RequestedAsync();

        var (status, html) = await browser.GetAsync(link[..^6]);

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("This link does not match a connection request. Check that you copied the whole link.");
    }

    [Fact]
    public async Task RespondPage_OpenedBySomeoneElse_Answers403InWords()
    {
        var (_, _, link, _) = await RequestedAsync();
        var stranger = await api.SignInOwnerAsync(await api.CreateAgencyAsync());

        var (status, html) = await stranger.GetAsync(link);

        status.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldContain("Sign in as the owner of the account this request was sent to, then open the link again.");
        html.ShouldNotContain(">Accept<");
    }

    [Fact]
    public async Task RespondPage_AfterTheClientAccepted_Answers409InWords()
    {
        var (_, browser, link, _) = await RequestedAsync();
        var (_, page) = await browser.GetAsync(link);
        var connectionId = ConnectionId().Match(page).Groups[1].Value;
        var accepted = await browser.SubmitAsync(link, "/admin/connections/answer", ("connectionId", connectionId), ("accept", "true"));

        var (status, html) = await browser.GetAsync(link);

        ((int)accepted.StatusCode).ShouldBeInRange(300, 399, "accepting redirects to the connections page");
        status.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldContain("already");
    }

    // A client-owned account (its first agency handed it over), and a connection request from a second agency.
    private async Task<(TestClient Client, Browser Browser, string Link, TestAgency Asker)> RequestedAsync()
    {
        var first = await api.CreateAgencyAsync();
        var client = await first.CreateClientAsync(name: "Bluebird Dental");
        await (await first.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var (browser, _) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        var asker = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(asker);
        await owner.SubmitAsync("/admin/connections", "/admin/connections", ("_handler", "request-connection"), ("Input.Email", client.Email));
        return (client, browser, await api.ConnectionLinkAsync(client.Email), asker);
    }

    [GeneratedRegex(@"name=""connectionId"" value=""([0-9a-f\-]{36})""")]
    private static partial Regex ConnectionId();
}

public sealed class ConnectionResponsePageTestsOnSqlite(SqliteApi api) : ConnectionResponsePageTests(api), IClassFixture<SqliteApi>;

public sealed class ConnectionResponsePageTestsOnPostgres(PostgresApi api) : ConnectionResponsePageTests(api), IClassFixture<PostgresApi>;
