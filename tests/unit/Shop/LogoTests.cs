using System.Net;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>Issue 16: the logo URL accepted http://, which emails silently drop; only https logos are taken now.</summary>
public sealed class LogoTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("http://cdn.example.com/logo.png")]
    [InlineData("ftp://cdn.example.com/logo.png")]
    [InlineData("https://")]
    public async Task Branding_LogoUrlNotHttps_Answers400WithTheReason(string logo)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PatchAsync("/api/v1/agency", Json($"{{\"logoUrl\":\"{logo}\"}}"), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("logoUrl")[0].GetString()!.ShouldContain("https://");
    }

    [Fact]
    public async Task Branding_HttpsLogo_IsShownInTheStorefrontHeaderByHeight()
    {
        var agency = await api.CreateAgencyAsync();

        (await agency.Client.PatchAsync("/api/v1/agency", Json("{\"logoUrl\":\"https://cdn.example.com/wide-160x40.png\"}"), Ct)).EnsureSuccessStatusCode();
        var (_, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        html.ShouldContain("<img class=\"brand-logo\" src=\"https://cdn.example.com/wide-160x40.png\" alt=\"\" height=\"32\">");
    }

    [Fact]
    public async Task SettingsPage_HttpLogo_IsRefusedNextToTheField()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var saved = await owner.SubmitAsync("/admin/settings", "/admin/settings", ("_handler", "branding"),
            ("Brand.DisplayName", "Logo Agency"), ("Brand.LogoUrl", "http://cdn.example.com/logo.png"), ("Brand.Locale", "en-US"), ("Brand.Currency", "usd"));
        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(Ct));

        html.ShouldContain("id=\"logoUrl-error\"");
        html.ShouldContain("Enter the logo's full address starting with https://");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
