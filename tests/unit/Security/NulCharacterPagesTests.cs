using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Text with a NUL character, sent where a page reads it before anyone signs in (or from a link a colleague could be
/// sent): PostgreSQL refuses such text in a query, so each input is checked before it reaches the database, and the
/// visitor gets the page's own answer, never a 500. Run on SQLite too, which stores NUL, to keep the answers the same.
/// </summary>
public abstract class NulCharacterPagesTests(ApiFixture api)
{
    // ASP.NET Core's form reader itself refuses a NUL in a form value: the post is answered 400 before the page runs.
    [Fact]
    public async Task ShopSignIn_EmailWithANulCharacter_Answers400()
    {
        var agency = await api.CreateAgencyAsync();
        var storefront = Browser.Storefront(api, agency.Slug);

        var response = await storefront.SubmitAsync("/sign-in", "/sign-in", ("email", "a\0b@example.com"), ("password", "wrong-password-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("ResellerKit");
    }

    [Fact]
    public async Task BackOfficeLogin_EmailWithANulCharacter_Answers400()
    {
        var browser = api.BrowserOfItsOwnAddress();

        var response = await browser.SubmitAsync("/admin/login", "/admin/login",
            ("_handler", "login"), ("Input.Email", "a\0b@example.com"), ("Input.Password", "wrong-password-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CheckoutReturn_SessionIdWithANulCharacter_Answers404Page()
    {
        var agency = await api.CreateAgencyAsync();

        var (status, _) = await Browser.Storefront(api, agency.Slug).GetAsync("/checkout/return?session_id=cs_%00");

        status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WidgetScreen_AgencyWithANulCharacter_Answers403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/widget/screen?agency=a%00b") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://site.example");

        var response = await api.CreateClient().SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BackOffice_AccountSearchWithANulCharacter_ShowsThePageUnfiltered()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.CreateClientAsync(name: "Bluebird Dental");
        var owner = await api.SignInOwnerAsync(agency);

        var (status, html) = await owner.GetAsync("/admin?account-search=a%00b");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Bluebird Dental");
    }
}

public sealed class NulCharacterPagesTestsOnSqlite(SqliteApi api) : NulCharacterPagesTests(api), IClassFixture<SqliteApi>;

public sealed class NulCharacterPagesTestsOnPostgres(PostgresApi api) : NulCharacterPagesTests(api), IClassFixture<PostgresApi>;
