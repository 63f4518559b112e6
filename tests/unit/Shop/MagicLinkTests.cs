using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// The emailed sign-in link survives mail scanners: opening it (a GET, as Safe Links and the like do) only shows a page
/// with a "Sign in" button; pressing it (a POST with antiforgery) spends the link and signs in. The page, its address and
/// so the theme's scripts never hold the token (an HttpOnly cookie carries it to the POST). A used, expired or other
/// agency's link shows the words the sign-in page has always shown, and another agency's host never spends it.
/// </summary>
public abstract class MagicLinkTests(ClockedApi api)
{
    private const string DeadLinkWords = "That sign-in link has expired or was already used.";

    [Fact]
    public async Task Open_ByAScannerBeforeTheClient_LeavesTheLinkUsable()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var link = await api.EmailedSignInLinkAsync(agency, client);

        var (scannerStatus, scannerPage) = await Browser.Storefront(api, agency.Slug).FollowAsync(link);
        var (_, secondScan) = await Browser.Storefront(api, agency.Slug).FollowAsync(link);
        var browser = Browser.Storefront(api, agency.Slug);
        var pressed = await browser.PressAsync(link);
        var (accountStatus, account) = await browser.GetAsync("/account");

        scannerStatus.ShouldBe(HttpStatusCode.OK);
        scannerPage.ShouldContain("<button type=\"submit\" class=\"button\">Sign in</button>");
        secondScan.ShouldContain("<button type=\"submit\" class=\"button\">Sign in</button>");
        scannerPage.ShouldNotContain(TokenOf(link)); // neither the page nor a script on it can read the token
        pressed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        pressed.Headers.Location!.ToString().ShouldBe("/account");
        accountStatus.ShouldBe(HttpStatusCode.OK);
        account.ShouldContain(client.Email);
    }

    [Fact]
    public async Task Press_ALinkAlreadyUsed_ShowsTheUsedLinkWords()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var link = await api.EmailedSignInLinkAsync(agency, client);
        var late = Browser.Storefront(api, agency.Slug);
        await late.FollowAsync(link);
        (await Browser.Storefront(api, agency.Slug).PressAsync(link)).Headers.Location!.ToString().ShouldBe("/account");

        var pressed = await PressOpenedAsync(late);

        await ShouldShowDeadLinkWordsAsync(late, pressed);
    }

    [Fact]
    public async Task Press_ALinkThatExpiredWhileItsPageWasOpen_ShowsTheExpiredLinkWords()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var link = await api.EmailedSignInLinkAsync(agency, client);
        var browser = Browser.Storefront(api, agency.Slug);
        await browser.FollowAsync(link);
        api.Clock.Advance(TimeSpan.FromMinutes(16));

        var pressed = await PressOpenedAsync(browser);

        await ShouldShowDeadLinkWordsAsync(browser, pressed);
    }

    [Fact]
    public async Task OpenAndPress_OnAnotherAgencysHost_ShowsTheWordsAndTheLinkStillWorksAtHome()
    {
        var home = await api.CreateAgencyAsync();
        var elsewhere = await api.CreateAgencyAsync();
        var client = await home.CreateClientAsync();
        var link = await api.EmailedSignInLinkAsync(home, client);
        var stranger = Browser.Storefront(api, elsewhere.Slug);

        var opened = await stranger.Client.GetAsync(link, Ct);
        var pressed = await PressWithTokenAsync(stranger, TokenOf(link), antiforgery: true);
        var atHome = await Browser.Storefront(api, home.Slug).PressAsync(link);

        opened.Headers.Location!.ToString().ShouldBe("/sign-in?error=link");
        await ShouldShowDeadLinkWordsAsync(stranger, pressed);
        atHome.Headers.Location!.ToString().ShouldBe("/account");
    }

    [Fact]
    public async Task Press_WithoutAntiforgery_ShowsTheButtonAgainAndSpendsNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var link = await api.EmailedSignInLinkAsync(agency, client);
        var forged = await PressWithTokenAsync(Browser.Storefront(api, agency.Slug), TokenOf(link), antiforgery: false);
        var afterwards = await Browser.Storefront(api, agency.Slug).PressAsync(link);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync(Ct)).ShouldContain("Your session expired. Please try again.");
        afterwards.Headers.Location!.ToString().ShouldBe("/account");
    }

    // What a page left open in a tab sends when its button is pressed later: this browser's antiforgery token, and the
    // link's cookie the opening left.
    private static async Task<HttpResponseMessage> PressOpenedAsync(Browser browser) =>
        await browser.Client.PostAsync("/magic", new FormUrlEncodedContent([new("__csrf", await browser.FormTokenAsync())]), Ct);

    // A POST of the token made by hand (the cookie set by the caller, as an attacker may), with or without antiforgery.
    private static async Task<HttpResponseMessage> PressWithTokenAsync(Browser browser, string token, bool antiforgery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/magic")
        {
            Content = new FormUrlEncodedContent(antiforgery ? [new("__csrf", await browser.FormTokenAsync())] : []),
        };
        request.Headers.Add("Cookie", $"rk_link={Uri.EscapeDataString(token)}");
        return await browser.Client.SendAsync(request, Ct);
    }

    private static string TokenOf(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);

    private static async Task ShouldShowDeadLinkWordsAsync(Browser browser, HttpResponseMessage pressed)
    {
        pressed.Headers.Location!.ToString().ShouldBe("/sign-in?error=link");
        var (_, signIn) = await browser.GetAsync(pressed.Headers.Location!.ToString());
        signIn.ShouldContain(DeadLinkWords);
    }
}

public sealed class MagicLinkTestsOnSqlite(ClockedSqliteApi api) : MagicLinkTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class MagicLinkTestsOnPostgres(ClockedPostgresApi api) : MagicLinkTests(api), IClassFixture<ClockedPostgresApi>;
