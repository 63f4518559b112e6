using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 16: <c>/favicon.ico</c> was a 404 everywhere. A storefront shows its agency's icon (its logo, else a mark in
/// its brand colour); the back office has its own.
/// </summary>
public sealed class FaviconTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Favicon_OnAStorefrontWithoutALogo_IsAnIconInTheAgencysColour()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#ff6600" }, Ct)).EnsureSuccessStatusCode();

        var response = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/favicon.ico", Ct);
        var icon = await response.Content.ReadAsByteArrayAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/x-icon");
        icon[..4].ShouldBe(new byte[] { 0, 0, 1, 0 }, "an icon file");
        CentrePixel(icon).ShouldBe((0xff, 0x66, 0x00, 0xff), "the centre is the agency's colour, opaque");
    }

    [Fact]
    public async Task Favicon_OnAStorefrontWithAnHttpsLogo_IsTheLogo()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { logoUrl = "https://cdn.example.com/acme/logo.png" }, Ct)).EnsureSuccessStatusCode();

        var response = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/favicon.ico", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldBe(new Uri("https://cdn.example.com/acme/logo.png"));
    }

    [Theory]
    [InlineData("https://cdn.example.com/acme/logó.png", "https://cdn.example.com/acme/log%C3%B3.png")]
    [InlineData("https://bücher.example/logo.png", "https://xn--bcher-kva.example/logo.png")]
    public async Task Favicon_LogoUrlWithNonAsciiCharacters_RedirectsToItsEscapedForm(string logo, string escaped)
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { logoUrl = logo }, Ct)).EnsureSuccessStatusCode();

        var response = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/favicon.ico", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.NonValidated["Location"].ToString().ShouldBe(escaped);
    }

    [Fact]
    public async Task Favicon_OnThePlatformHost_IsTheBackOfficesIcon()
    {
        var response = await Browser.Open(api).Client.GetAsync("/favicon.ico", Ct);
        var icon = await response.Content.ReadAsByteArrayAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/x-icon");
        CentrePixel(icon).ShouldBe((0x0f, 0x17, 0x2a, 0xff));
    }

    // The 32-bit image starts after the 6-byte header, one 16-byte entry and the 40-byte bitmap header; pixels are BGRA.
    private static (int R, int G, int B, int A) CentrePixel(byte[] icon)
    {
        var at = 6 + 16 + 40 + (16 * 32 + 16) * 4;
        return (icon[at + 2], icon[at + 1], icon[at], icon[at + 3]);
    }
}
