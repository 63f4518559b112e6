using System.Net;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Security;

/// <summary>
/// Hostile URLs against the real server: Kestrel refuses a response whose header holds a non-ASCII or control
/// character (a 500), which the in-memory test server lets through. Each answers a redirect to the escaped form. A Host
/// header the in-memory server cannot even take (punycode that does not decode) reaches the real one too.
/// </summary>
public sealed class HostileUrlTests(DemoStorefront demo) : IClassFixture<DemoStorefront>
{
    [Theory]
    [InlineData("caf%C3%A9")]
    [InlineData("a%0Ab")]
    public async Task StorefrontRedirect_PathWithEscapedCharacters_RedirectsWithThePathStillEscaped(string page)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var response = await http.GetAsync($"{demo.BaseUrl}/s/demo/{page}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.NonValidated["Location"].ToString().ShouldBe($"{demo.ShopUrl}/{page}");
    }

    [Fact]
    public async Task Favicon_LogoUrlWithANonAsciiCharacter_RedirectsToItsEscapedForm()
    {
        using var platform = new StorefrontApi(demo.BaseUrl, demo.PlatformKey);
        var slug = "logo-" + Guid.NewGuid().ToString("N")[..8];
        var created = await platform.SendAsync(HttpMethod.Post, "/api/v1/agencies", new { name = "Logo Agency", slug, ownerEmail = $"owner@{slug}.example" });
        using var agency = new StorefrontApi(demo.BaseUrl, created.GetProperty("apiKey").GetString()!);
        await agency.SendAsync(HttpMethod.Patch, "/api/v1/agency", new { logoUrl = "https://cdn.example.com/logó.png" });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(demo.BaseUrl),
            DefaultRequestHeaders = { Host = new Uri(demo.Process.StorefrontUrl(slug)).Authority },
        };

        var response = await http.GetAsync("/favicon.ico", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.NonValidated["Location"].ToString().ShouldBe("https://cdn.example.com/log%C3%B3.png");
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/api/v1/agency")]
    [InlineData("/admin/login")]
    public async Task AnyRoute_HostWithAnInvalidPunycodeLabel_Answers400ValidationFailed(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, demo.BaseUrl + path);
        request.Headers.Host = "xn--zz";

        var response = await http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("\"code\":\"validation_failed\"");
        body.ShouldContain("The Host header is not a valid host name.");
    }
}
