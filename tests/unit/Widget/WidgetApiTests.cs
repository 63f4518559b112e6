using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Storefront.WidgetHost;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>
/// The widget's server side through the real app: client secrets, revocation, the origin allow-list and the hub's
/// CORS, and what a widget call may see (the floor at render and at checkout, shared mode, foreign agencies).
/// </summary>
public abstract class WidgetApiTests(ApiFixture api)
{
    private const string Site = WidgetDriver.Site;

    [Fact]
    public async Task CreateWidgetSession_ForOwnSubAccount_Returns201WithASecretExpiringWithin30Minutes()
    {
        var (agency, client, _) = await api.WidgetResellerAsync();

        var body = await (await agency.Client.PostAsJsonAsync("/api/v1/widget-sessions", new { subAccountId = client }, Ct))
            .ExpectAsync(HttpStatusCode.Created);

        body.GetProperty("clientSecret").GetString()!.ShouldStartWith("rkws_");
        body.GetProperty("subAccountId").GetString().ShouldBe(client);
        var expiresAt = body.GetProperty("expiresAt").GetDateTimeOffset();
        expiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(29), DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Fact]
    public async Task CreateWidgetSession_ForAnotherAgencysSubAccount_Answers404()
    {
        var (_, client, _) = await api.WidgetResellerAsync();
        var other = await api.CreateAgencyAsync();

        await (await other.Client.PostAsJsonAsync("/api/v1/widget-sessions", new { subAccountId = client }, Ct))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task CreateWidgetSession_LongerThan30Minutes_Answers400()
    {
        var (agency, client, _) = await api.WidgetResellerAsync();

        await (await agency.Client.PostAsJsonAsync("/api/v1/widget-sessions", new { subAccountId = client, expiresInSeconds = 3600 }, Ct))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Load_WithALiveSecret_ShowsOnlyThatClientsAccount()
    {
        var (agency, client, _) = await api.WidgetResellerAsync();
        await agency.GrantAsync(client, 40);

        var view = await LoadAsync(agency.Slug, await agency.WidgetSecretAsync(client));

        view.Status.ShouldBe(WidgetStatus.Ready);
        view.Account!.Name.ShouldStartWith("Client ");
        view.Account.Balance.ShouldBe(40);
        view.Account.BalanceText.ShouldBe("40 credits");
        view.Packs.Select(p => (p.Name, p.PriceText)).ShouldBe([("Starter", "$15.00")]);
    }

    [Fact]
    public async Task Load_AfterTheSessionIsRevoked_IsSignedOut()
    {
        var (agency, client, _) = await api.WidgetResellerAsync();
        var session = await (await agency.Client.PostAsJsonAsync("/api/v1/widget-sessions", new { subAccountId = client }, Ct))
            .ExpectAsync(HttpStatusCode.Created);

        await (await agency.Client.DeleteAsync($"/api/v1/widget-sessions/{session.GetProperty("id").GetString()}", Ct))
            .ExpectAsync(HttpStatusCode.NoContent);
        var view = await LoadAsync(agency.Slug, session.GetProperty("clientSecret").GetString());

        view.Status.ShouldBe(WidgetStatus.SignedOut);
        view.Account.ShouldBeNull();
        view.Notice.ShouldBe(WidgetGate.SessionEnded);
    }

    [Fact]
    public async Task Load_WithAnotherAgencysSecret_IsSignedOutAndShowsNoAccount()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        var (other, otherClient, _) = await api.WidgetResellerAsync();

        var view = await LoadAsync(agency.Slug, await other.WidgetSecretAsync(otherClient));

        view.Status.ShouldBe(WidgetStatus.SignedOut);
        view.Account.ShouldBeNull();
    }

    [Fact]
    public async Task Load_InSharedMode_ShowsUsageButNeverThePool()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        await api.GrantPoolAsync(agency, 5_000);
        var shared = await agency.CreateSubAccountAsync("shared");
        (await agency.Client.UsageAsync(shared, 7)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var view = await LoadAsync(agency.Slug, await agency.WidgetSecretAsync(shared));

        view.Account!.Reselling.ShouldBeFalse();
        view.Account.Balance.ShouldBeNull();
        view.Account.BalanceText.ShouldBeNull();
        view.Account.UsedThisMonthText.ShouldBe("7");
        view.Account.RecentUsage.ShouldHaveSingleItem().CreditsText.ShouldBe("7");
    }

    [Fact]
    public async Task LoadAndBuy_AfterThePlatformRaisesTheFloor_NeitherOfferNorSellThePack()
    {
        var (agency, client, pack) = await api.WidgetResellerAsync(currency: "chf");
        var secret = await agency.WidgetSecretAsync(client);

        await api.SetMinimumAsync("chf", "20");
        var view = await LoadAsync(agency.Slug, secret);
        var bought = await WithDataAsync(agency.Slug, d => d.BuyAsync(new WidgetRequest(agency.Slug, secret, null, null), new BuyChoice(pack, null), Ct));

        view.Packs.ShouldBeEmpty();
        bought.Started.ShouldBeFalse();
        bought.Error!.ShouldContain("minimum");
    }

    [Fact]
    public async Task Buy_APack_StartsAWidgetCheckoutPricedOnTheServer()
    {
        var (agency, client, pack) = await api.WidgetResellerAsync();
        var secret = await agency.WidgetSecretAsync(client);

        var bought = await WithDataAsync(agency.Slug, d => d.BuyAsync(new WidgetRequest(agency.Slug, secret, null, null), new BuyChoice(pack, 1), Ct));

        bought.Started.ShouldBeTrue(bought.Error);
        bought.Credits.ShouldBe(100);
        var purchase = await agency.PurchaseAsync(client);
        purchase.GetProperty("origin").GetString().ShouldBe("widget");
        purchase.GetProperty("amount").GetInt64().ShouldBe(1_500);
    }

    /// <summary>
    /// The price the widget shows while the client types is the one the checkout charges: both come from the Engine's
    /// pricing (251 × 1.2 ¢ = 301.2 ¢, rounded up to $3.02; a naive formula would show $3.01).
    /// </summary>
    [Fact]
    public async Task CustomQuantity_TypedInTheWidget_IsQuotedAtWhatTheCheckoutCharges()
    {
        var (agency, client, _) = await api.WidgetResellerAsync();
        await (await agency.Client.PutAsJsonAsync("/api/v1/agency/custom-quantity",
            new { pricePerCredit = "1.2", currency = "usd", minCredits = 10, maxCredits = 1_000 }, Ct)).ExpectAsync(HttpStatusCode.OK);
        var secret = await agency.WidgetSecretAsync(client);
        var offer = (await LoadAsync(agency.Slug, secret)).Custom.ShouldNotBeNull();

        var quote = await WithDataAsync(agency.Slug, d => Task.FromResult(d.QuoteCustom(offer, 251)));
        var bought = await WithDataAsync(agency.Slug, d => d.BuyAsync(new WidgetRequest(agency.Slug, secret, "en-US", null), new BuyChoice(null, 251), Ct));
        var purchase = await agency.PurchaseAsync(client);

        bought.Started.ShouldBeTrue(bought.Error);
        purchase.GetProperty("credits").GetInt64().ShouldBe(251);
        purchase.GetProperty("amount").GetInt64().ShouldBe(302);
        quote.ShouldBe("$3.02", "the widget quotes what the checkout charges");
    }

    [Fact]
    public async Task Load_WithoutASavedThemeAccent_DrawsTheAgencysPrimaryColourWithReadableText()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#FFDD00" }, Ct)).EnsureSuccessStatusCode();

        var view = await WithDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "en-US", null), Ct));

        view.Theme.Accent.ShouldBe("#ffdd00");
        view.Theme.AccentText.ShouldBe("#111827", "white on yellow is unreadable");
        ResellerKit.Widget.Components.WidgetCss.Variables(view.Theme).ShouldContain("--rk-accent:#ffdd00;");
    }

    [Fact]
    public async Task Load_WithASavedThemeAccent_DrawsTheThemesAccent_AndAnAccentAttributeWinsOverBoth()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#ff6600" }, Ct)).EnsureSuccessStatusCode();
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#0f766e" }, Ct)).EnsureSuccessStatusCode();

        var themed = await WithDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "en-US", null), Ct));
        var attributed = await WithDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "en-US", "#fde68a"), Ct));

        themed.Theme.Accent.ShouldBe("#0f766e");
        themed.Theme.AccentText.ShouldBe("#ffffff");
        attributed.Theme.Accent.ShouldBe("#fde68a");
        attributed.Theme.AccentText.ShouldBe("#111827");
    }

    [Fact]
    public async Task Load_WithLocaleAndAccentAttributes_FormatsMoneyThatWayAndKeepsOnlyAValidColour()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();

        var german = await WithDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "de-DE", "#0f766e"), Ct));
        var hostile = await WithDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "xx-<script>", "red;}"), Ct));

        german.Packs.Single().PriceText.ShouldBe("15,00 $");
        german.Theme.Accent.ShouldBe("#0f766e");
        hostile.Packs.Single().PriceText.ShouldBe("$15.00");
        hostile.Theme.Accent.ShouldBe("#4338ca");
    }

    [Fact]
    public async Task Load_FromAnOriginTheAgencyHasNotAllowed_IsUnavailable()
    {
        var (agency, client, _) = await api.WidgetResellerAsync();

        var view = await LoadAsync(agency.Slug, await agency.WidgetSecretAsync(client), new WidgetCaller("https://evil.example", false, agency.Slug));

        view.Status.ShouldBe(WidgetStatus.Unavailable);
        view.Packs.ShouldBeEmpty();
        view.Account.ShouldBeNull();
    }

    [Fact]
    public async Task PutWidgetOrigins_NormalisesValidOnesAndRejectsPathsAndWildcards()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();

        var saved = await (await agency.Client.PutAsJsonAsync("/api/v1/agency/widget-origins",
            new { origins = new[] { "HTTPS://Shop.Example.COM:443", "http://127.0.0.1:8080/", "https://shop.example.com" } }, Ct))
            .ExpectAsync(HttpStatusCode.OK);
        var refused = await (await agency.Client.PutAsJsonAsync("/api/v1/agency/widget-origins",
            new { origins = new[] { "https://ok.example", "https://a.example/path", "*.example.com", "ftp://x.example" } }, Ct))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        saved.GetProperty("origins").EnumerateArray().Select(o => o.GetString()).ShouldBe(["http://127.0.0.1:8080", "https://shop.example.com"]);
        refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["origins[1]", "origins[2]", "origins[3]"]);
        (await (await agency.Client.GetAsync("/api/v1/agency/widget-origins", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("origins").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Hub_FromAnAllowedOrigin_AnswersCorsWithCredentials_AndFromAnyOtherOrigin_Answers403()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        var http = api.CreateClient();

        var preflight = new HttpRequestMessage(HttpMethod.Options, $"/widget/_blazor/negotiate?agency={agency.Slug}&negotiateVersion=1");
        preflight.Headers.Add("Origin", Site);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-requested-with,x-signalr-user-agent");
        var allowed = await http.SendAsync(preflight, Ct);
        var negotiate = new HttpRequestMessage(HttpMethod.Post, $"/widget/_blazor/negotiate?agency={agency.Slug}&negotiateVersion=1");
        negotiate.Headers.Add("Origin", "https://evil.example");
        var refused = await http.SendAsync(negotiate, Ct);

        allowed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Site]);
        allowed.Headers.GetValues("Access-Control-Allow-Credentials").ShouldBe(["true"]);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Theory]
    [InlineData("null")]
    [InlineData("file://")]
    [InlineData("https://allowed.example, https://evil.example")]
    public async Task HubNegotiate_WithAnOriginThatNamesNoWebOrigin_Answers403(string origin)
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        var negotiate = new HttpRequestMessage(HttpMethod.Post, $"/widget/_blazor/negotiate?agency={agency.Slug}&negotiateVersion=1");
        negotiate.Headers.TryAddWithoutValidation("Origin", origin);

        var response = await api.CreateClient().SendAsync(negotiate, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task WidgetSnippet_IsTheScriptAndTheElementForTheAgency()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();

        var body = await (await agency.Client.GetAsync("/api/v1/agency/widget-snippet", Ct)).ExpectAsync(HttpStatusCode.OK);

        body.GetProperty("html").GetString()!.Split('\n').ShouldBe([
            "<script src=\"http://resellerkit.test/widget.js\" defer></script>",
            $"<resellerkit-credits agency=\"{agency.Slug}\" client-secret=\"{{CLIENT_SECRET}}\" style=\"display:block;min-height:22rem\"></resellerkit-credits>",
        ]);
        body.GetProperty("allowedOrigins").EnumerateArray().Select(o => o.GetString()).ShouldBe([Site]);
    }

    private Task<WidgetView> LoadAsync(string slug, string? secret, WidgetCaller? caller = null) =>
        WithDataAsync(slug, d => d.LoadAsync(new WidgetRequest(slug, secret, "en-US", null), Ct), caller);

    /// <summary>The widget's data service as a circuit sees it, opened from <paramref name="caller"/> (the allowed site by default).</summary>
    private async Task<T> WithDataAsync<T>(string slug, Func<IWidgetData, Task<T>> use, WidgetCaller? caller = null)
    {
        var principal = (caller ?? new WidgetCaller(Site, false, slug)).ToPrincipal();
        var data = new WidgetData(api.Services.GetRequiredService<IServiceScopeFactory>(), new FixedAuthentication(principal));
        return await use(data);
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

public sealed class WidgetApiTestsOnSqlite(SqliteApi api) : WidgetApiTests(api), IClassFixture<SqliteApi>;

public sealed class WidgetApiTestsOnPostgres(PostgresApi api) : WidgetApiTests(api), IClassFixture<PostgresApi>;
