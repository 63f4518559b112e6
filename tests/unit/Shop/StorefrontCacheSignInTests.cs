using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Storefront.Shop;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 15, item 1: a cached sign-in page carries no visitor's token, yet its form works: the page's script fetches
/// the visitor's own token from <c>/form-token</c> (never cached), and without script the form is shown once more with one.
/// In a class of its own: the storefront allows ten sign-ins a minute from one address.
/// </summary>
public sealed partial class StorefrontCacheSignInTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task SignIn_FromACachedPage_WorksWithTheTokenTheScriptFetches()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var renders = api.Services.GetRequiredService<ShopRenders>();
        await Browser.Storefront(api, agency.Slug).GetAsync("/sign-in");
        var before = renders.Of(agency.Slug);
        var browser = Browser.Storefront(api, agency.Slug);

        var (_, page) = await browser.GetAsync("/sign-in");
        var signedIn = await browser.SubmitAsync("/sign-in", "/sign-in", ("email", client.Email), ("password", client.Password));
        var rendered = renders.Of(agency.Slug) - before;
        var (status, account) = await browser.GetAsync("/account");

        rendered.ShouldBe(0, "the visitor was given the cached sign-in page");
        page.ShouldContain("name=\"__csrf\" value=\"\"");
        page.ShouldContain("fetch('/form-token'");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldBe("/account");
        status.ShouldBe(HttpStatusCode.OK);
        account.ShouldContain(client.Email);
    }

    [Fact]
    public async Task SignIn_WithoutScript_IsShownAgainWithAToken_AndThenWorks()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var browser = Browser.Storefront(api, agency.Slug);
        var fields = new Dictionary<string, string> { ["email"] = client.Email, ["password"] = client.Password, ["__csrf"] = "" };

        var refused = await browser.Client.PostAsync("/sign-in", new FormUrlEncodedContent(fields), Ct);
        var again = await refused.Content.ReadAsStringAsync(Ct);
        fields["__csrf"] = WebUtility.HtmlDecode(Token().Match(again).Groups[1].Value);
        var signedIn = await browser.Client.PostAsync("/sign-in", new FormUrlEncodedContent(fields), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        again.ShouldContain("Your session expired. Please try again.");
        fields["__csrf"].ShouldNotBeEmpty("the form shown again carries this visitor's own token");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldBe("/account");
    }

    [Fact]
    public async Task FormToken_IsNeverCached_AndSetsTheVisitorsCookie()
    {
        var agency = await api.CreateAgencyAsync();

        var first = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/form-token", Ct);
        var second = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/form-token", Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.CacheControl!.NoStore.ShouldBeTrue();
        first.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("rk.csrf="));
        var one = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct)).RootElement;
        var two = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Ct)).RootElement;
        one.GetProperty("field").GetString().ShouldBe("__csrf");
        one.GetProperty("token").GetString().ShouldNotBe(two.GetProperty("token").GetString(), "each visitor gets a token of its own");
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]*)\"")]
    private static partial Regex Token();
}
