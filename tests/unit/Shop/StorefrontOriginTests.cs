using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 13, item 1: a storefront lives on its own origin, and nothing of the back office, the API or the sandbox
/// answers there; the back office's session never reaches a storefront host, and a storefront's never the back office.
/// </summary>
public sealed class StorefrontOriginTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task PlatformHost_StorefrontPath_RedirectsToTheStorefrontsOwnOrigin()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await Browser.Open(api).Client.GetAsync($"/s/{agency.Slug}/account?from=email", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldBe(new Uri($"http://{agency.Slug}.resellerkit.test/account?from=email"));
    }

    [Theory]
    [InlineData("caf%C3%A9", "caf%C3%A9")]
    [InlineData("a%0Ab", "a%0Ab")]
    [InlineData("what%3F?q=%C3%A9", "what%3F?q=%C3%A9")]
    public async Task PlatformHost_StorefrontPathWithEscapedCharacters_RedirectsWithThePathStillEscaped(string page, string expected)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await Browser.Open(api).Client.GetAsync($"/s/{agency.Slug}/{page}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.NonValidated["Location"].ToString().ShouldBe($"http://{agency.Slug}.resellerkit.test/{expected}");
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/login")]
    [InlineData("/ADMIN/Login/")]
    [InlineData("/api/v1/agency")]
    [InlineData("/api/v1/agencies")]
    [InlineData("/stripe-sandbox/v1/events")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/")]
    [InlineData("/s/other/")]
    public async Task StorefrontHost_PlatformRoutes_NeverAnswer(string path)
    {
        var agency = await api.CreateAgencyAsync();
        var storefront = Browser.Storefront(api, agency.Slug).Client;
        storefront.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agency.ApiKey);

        var response = await storefront.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        body.ShouldNotContain("__csrf", Case.Insensitive, path);
        body.ShouldNotContain(agency.Id, Case.Insensitive, path);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", path);
    }

    [Fact]
    public async Task UnknownHost_AnswersNothingOfThePlatform()
    {
        var agency = await api.CreateAgencyAsync();
        var stranger = Browser.Open(api, "shop.attacker.example").Client;
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agency.ApiKey);

        var admin = await stranger.GetAsync("/admin/login", Ct);
        var apiCall = await stranger.GetAsync("/api/v1/agency", Ct);

        admin.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        apiCall.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BackOfficeSession_IsHostOnlyAndStrict()
    {
        var agency = await api.CreateAgencyAsync();

        var owner = await api.SignInOwnerAsync(agency);
        var cookie = owner.SetCookies.Single(c => c.StartsWith("rk.session=", StringComparison.Ordinal));

        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldNotContain("domain=", Case.Insensitive);
    }

    [Fact]
    public async Task StorefrontSession_IsItsOwnCookie_AndOpensNothingOfTheBackOffice()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();

        var shopper = await api.SignInAsync(agency, client);
        var cookie = shopper.SetCookies.Single(c => c.StartsWith("rk.shop=", StringComparison.Ordinal));
        var backOffice = Browser.Open(api).Client;
        backOffice.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0].Replace("rk.shop=", "rk.session=", StringComparison.Ordinal));
        var admin = await backOffice.GetAsync("/admin", Ct);

        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldNotContain("domain=", Case.Insensitive);
        shopper.SetCookies.ShouldNotContain(c => c.StartsWith("rk.session=", StringComparison.Ordinal));
        admin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        admin.Headers.Location!.ToString().ShouldContain("/admin/login");
    }

    [Theory]
    [InlineData("assets/evil.html")]
    [InlineData("assets/evil.htm")]
    [InlineData("assets/evil.xhtml")]
    [InlineData("assets/evil.xml")]
    public async Task ThemeAsset_OfAKindABrowserRendersAsAPage_IsRefused(string path)
    {
        var agency = await api.CreateAgencyAsync();

        var saved = await agency.Client.PutAsJsonAsync($"/api/v1/theme/files/{path}", new { content = "<script>steal()</script>" }, Ct);
        var served = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/" + path, Ct);

        (await saved.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("path", out _).ShouldBeTrue();
        served.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThemeAssets_AreServedWithNosniffAndTheirOwnType_SvgSandboxed()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/files/assets/badge.svg",
            new { content = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>" }, Ct)).EnsureSuccessStatusCode();
        var storefront = Browser.Storefront(api, agency.Slug).Client;

        var css = await storefront.GetAsync("/assets/theme.css", Ct);
        var svg = await storefront.GetAsync("/assets/badge.svg", Ct);

        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        css.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        svg.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
        svg.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
    }

    [Fact]
    public async Task StorefrontPages_MayBeFramedOnlyByTheBackOffice()
    {
        var agency = await api.CreateAgencyAsync();

        var page = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/", Ct);

        page.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("frame-ancestors 'self' http://resellerkit.test");
    }
}
