using System.Net;
using System.Net.Http.Json;
using ResellerKit.Engine.Common;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// An address typed in Unicode compatibility forms (fullwidth letters, "ｏｗｎｅｒ@…") is the plain address it shows
/// (<see cref="Input.NormalizeEmail"/>, NFKC): it finds that account at sign-in, and never makes a second account, a
/// second sub-account or a second team member beside it. What is no address once folded is refused in words.
/// </summary>
public abstract class EmailCompatibilityFormTests(ApiFixture api)
{
    [Theory]
    [InlineData("ｏｗｎｅｒ@brightside.example", "owner@brightside.example")]
    [InlineData("\u3000Owner＠Brightside.Example ", "owner@brightside.example")]
    public void NormalizeEmail_CompatibilityFormsAndSpaces_GiveThePlainAddress(string typed, string expected)
    {
        Input.NormalizeEmail(typed).ShouldBe(expected);
        Input.IsEmail(typed).ShouldBeTrue();
    }

    [Fact]
    public async Task SignIn_OwnersAddressInFullwidthLetters_SignsInThatOwner()
    {
        var agency = await api.CreateAgencyAsync();
        await api.SignInOwnerAsync(agency);

        var browser = await api.SignInBackOfficeAsync(Fullwidth($"owner@{agency.Slug}.example"), BackOfficeSignIn.OwnerPassword);
        var (_, html) = await browser.GetAsync("/admin/team");

        WebUtility.HtmlDecode(html).ShouldContain($"owner@{agency.Slug}.example");
    }

    [Fact]
    public async Task CreateSubAccount_SameAddressInFullwidthLetters_IsRefusedAsTaken()
    {
        var agency = await api.CreateAgencyAsync();
        var plain = $"client-{Guid.NewGuid():N}@example.com";
        await (await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", new { name = "First", email = plain }, Ct)).ExpectAsync(HttpStatusCode.Created);

        var again = await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", new { name = "Second", email = Fullwidth(plain) }, Ct);
        var list = await (await agency.Client.GetAsync("/api/v1/sub-accounts", Ct)).ExpectAsync(HttpStatusCode.OK);

        (await again.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("detail").GetString()!.ShouldContain(plain);
        list.GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task CreateSubAccount_AddressInFullwidthLetters_IsKeptAsThePlainAddress()
    {
        var agency = await api.CreateAgencyAsync();
        var plain = $"client-{Guid.NewGuid():N}@example.com";

        var created = await (await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", new { name = "Wide", email = Fullwidth(plain) }, Ct))
            .ExpectAsync(HttpStatusCode.Created);

        created.GetProperty("email").GetString().ShouldBe(plain);
    }

    [Fact]
    public async Task CreateSubAccount_AddressThatIsNoneOnceFolded_Answers400InWords()
    {
        var agency = await api.CreateAgencyAsync();

        var refused = await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", new { name = "Two ats", email = "client＠shop@example.com" }, Ct);

        var problem = await refused.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("email")[0].GetString().ShouldBe("Enter a valid email address, like client@example.com.");
    }

    [Fact]
    public async Task InviteTeamMember_OwnersAddressInFullwidthLetters_IsRefusedAsAlreadyOnTheTeam()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var posted = await owner.SubmitAsync("/admin/team", "/admin/team", ("_handler", "invite"), ("Input.Name", "Twin"),
            ("Input.Email", Fullwidth($"owner@{agency.Slug}.example")), ("role", "Member"), ("areas", "Packs"));
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync(Ct));
        var team = WebUtility.HtmlDecode((await owner.GetAsync("/admin/team")).Html);

        html.ShouldContain($"owner@{agency.Slug}.example is already on your team.");
        team.ShouldNotContain("Twin");
    }

    // The local part in fullwidth letters (U+FF01–U+FF5E mirror ASCII 0x21–0x7E); the domain stays as typed.
    private static string Fullwidth(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return string.Concat(address[..at].Select(c => c is > ' ' and <= '~' ? (char)(c - 0x21 + 0xFF01) : c)) + address[at..];
    }
}

public sealed class EmailCompatibilityFormTestsOnSqlite(SqliteApi api) : EmailCompatibilityFormTests(api), IClassFixture<SqliteApi>;

public sealed class EmailCompatibilityFormTestsOnPostgres(PostgresApi api) : EmailCompatibilityFormTests(api), IClassFixture<PostgresApi>;
