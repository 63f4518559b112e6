using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// A back-office page with several forms shows the values in use in every form but the one just posted, so saving one
/// form after another never writes blanks over settings the agency did not touch.
/// </summary>
public sealed class FormValuesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task PacksPage_AfterAddingAPack_StillShowsTheCustomQuantityInUse()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PutAsJsonAsync("/api/v1/agency/custom-quantity",
            new { pricePerCredit = "12", currency = "usd", minCredits = 50, maxCredits = 100000 }, Ct)).EnsureSuccessStatusCode();
        var owner = await api.SignInOwnerAsync(agency);

        var added = await owner.SubmitAsync("/admin/packs", "/admin/packs", ("_handler", "create-pack"), ("Input.Name", "Walk pack"),
            ("Input.Credits", "750"), ("Input.Price", "90.00"), ("Input.Currency", "usd"));
        var html = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync(Ct));

        html.ShouldContain("Pack Walk pack added.");
        html.ShouldContain("id=\"cq-price\"");
        System.Text.RegularExpressions.Regex.IsMatch(html, "id=\"cq-price\"[^>]*value=\"0.12\"|value=\"0.12\"[^>]*id=\"cq-price\"")
            .ShouldBeTrue("the per-credit price in use is still in its field");
        System.Text.RegularExpressions.Regex.IsMatch(html, "id=\"cq-min\"[^>]*value=\"50\"|value=\"50\"[^>]*id=\"cq-min\"").ShouldBeTrue();
    }

    [Fact]
    public async Task SettingsPage_SavedWithoutALogo_KeepsTheNameShownAndSaves()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var page = WebUtility.HtmlDecode((await owner.GetAsync("/admin/settings")).Html);
        var name = System.Text.RegularExpressions.Regex.Match(page, "id=\"b-name\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*id=\"b-name\"");
        var saved = await owner.SubmitAsync("/admin/settings", "/admin/settings", ("_handler", "branding"),
            ("Brand.DisplayName", "Renamed Agency"), ("Brand.LogoUrl", ""), ("Brand.PrimaryColor", ""), ("Brand.SupportEmail", ""),
            ("Brand.PostalAddress", ""), ("Brand.EmailFooter", ""), ("Brand.Locale", "en-US"), ("Brand.Currency", "usd"), ("Brand.CustomDomain", ""));
        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(Ct));
        var agencyNow = await (await agency.Client.GetAsync("/api/v1/agency", Ct)).ExpectAsync(HttpStatusCode.OK);

        name.Success.ShouldBeTrue("the display name field has a value");
        (name.Groups[1].Value + name.Groups[2].Value).ShouldNotBeNullOrWhiteSpace();
        html.ShouldContain("Branding saved.");
        agencyNow.GetProperty("displayName").GetString().ShouldBe("Renamed Agency");
    }

    [Fact]
    public async Task Login_WithAWrongPassword_SaysSoAndNeverSendsThePasswordBack()
    {
        var agency = await api.CreateAgencyAsync();
        var browser = Browser.Open(api);

        var failed = await browser.SubmitAsync("/admin/login", "/admin/login", ("_handler", "login"),
            ("Input.Email", $"owner@{agency.Slug}.example"), ("Input.Password", "typed-Secret-9931"));
        var html = await failed.Content.ReadAsStringAsync(Ct);

        WebUtility.HtmlDecode(html).ShouldContain("That email and password do not match an account.");
        html.ShouldNotContain("typed-Secret-9931");
    }
}
