using System.Net;
using System.Net.Http.Json;
using ResellerKit.Storefront.WidgetHost;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>
/// The widget's server side through the real app: client secrets and revocation, and what a widget call may see and
/// buy (the floor at render and at checkout, shared mode, foreign agencies). Its looks are in
/// <see cref="WidgetAppearanceTests"/>, the origin allow-list and the hub's CORS in <see cref="WidgetOriginTests"/>.
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

        var view = await api.LoadWidgetAsync(agency.Slug, await agency.WidgetSecretAsync(client));

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
        var view = await api.LoadWidgetAsync(agency.Slug, session.GetProperty("clientSecret").GetString());

        view.Status.ShouldBe(WidgetStatus.SignedOut);
        view.Account.ShouldBeNull();
        view.Notice.ShouldBe(WidgetGate.SessionEnded);
    }

    [Fact]
    public async Task Load_WithAnotherAgencysSecret_IsSignedOutAndShowsNoAccount()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        var (other, otherClient, _) = await api.WidgetResellerAsync();

        var view = await api.LoadWidgetAsync(agency.Slug, await other.WidgetSecretAsync(otherClient));

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

        var view = await api.LoadWidgetAsync(agency.Slug, await agency.WidgetSecretAsync(shared));

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
        var view = await api.LoadWidgetAsync(agency.Slug, secret);
        var bought = await api.WithWidgetDataAsync(agency.Slug, d => d.BuyAsync(new WidgetRequest(agency.Slug, secret, null, null), new BuyChoice(pack, null), Ct));

        view.Packs.ShouldBeEmpty();
        bought.Started.ShouldBeFalse();
        bought.Error!.ShouldContain("minimum");
    }

    [Fact]
    public async Task Buy_APack_StartsAWidgetCheckoutPricedOnTheServer()
    {
        var (agency, client, pack) = await api.WidgetResellerAsync();
        var secret = await agency.WidgetSecretAsync(client);

        var bought = await api.WithWidgetDataAsync(agency.Slug, d => d.BuyAsync(new WidgetRequest(agency.Slug, secret, null, null), new BuyChoice(pack, 1), Ct));

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
        var offer = (await api.LoadWidgetAsync(agency.Slug, secret)).Custom.ShouldNotBeNull();

        var quote = await api.WithWidgetDataAsync(agency.Slug, d => Task.FromResult(d.QuoteCustom(offer, 251)));
        var bought = await api.WithWidgetDataAsync(agency.Slug, d => d.BuyAsync(new WidgetRequest(agency.Slug, secret, "en-US", null), new BuyChoice(null, 251), Ct));
        var purchase = await agency.PurchaseAsync(client);

        bought.Started.ShouldBeTrue(bought.Error);
        purchase.GetProperty("credits").GetInt64().ShouldBe(251);
        purchase.GetProperty("amount").GetInt64().ShouldBe(302);
        quote.ShouldBe("$3.02", "the widget quotes what the checkout charges");
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
}

public sealed class WidgetApiTestsOnSqlite(SqliteApi api) : WidgetApiTests(api), IClassFixture<SqliteApi>;

public sealed class WidgetApiTestsOnPostgres(PostgresApi api) : WidgetApiTests(api), IClassFixture<PostgresApi>;
