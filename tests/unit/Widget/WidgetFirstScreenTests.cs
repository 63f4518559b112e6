using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Purchases;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Widget.Components;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>
/// The screen widget.js shows before the circuit is live (<c>POST /widget/screen</c>) and its Buy buttons
/// (<c>POST /widget/checkout</c>): the agency's brand and packs at once, a click that really starts the agency's
/// checkout, and nothing for a site the agency has not allowed.
/// </summary>
public abstract partial class WidgetFirstScreenTests(ApiFixture api)
{
    private const string Site = WidgetDriver.Site;

    [Fact]
    public async Task Screen_FromAnAllowedSite_ShowsTheAgencysBrandBalanceAndAnEnabledBuyButton_NeverResellerKit()
    {
        var (agency, client, pack) = await api.WidgetResellerAsync(displayName: "Bluebird Growth");
        await agency.GrantAsync(client, 40);

        var response = await PostAsync("/widget/screen", Site, agency.Slug, await agency.WidgetSecretAsync(client));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Site]);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("<h2 class=\"rk-title\">Bluebird Growth</h2>");
        html.ShouldContain("aria-label=\"Bluebird Growth credits\"");
        html.ShouldContain("40 credits");
        BuyButton().Match(html).Value.ShouldBe($"<button type=\"button\" class=\"rk-button\" aria-label=\"Buy Starter\" data-pack=\"{pack}\">");
        html.ShouldNotContain("ResellerKit");
        html.ShouldNotContain("&#x", customMessage: "the style elements hold CSS as it is, not entity-encoded");
    }

    [Fact]
    public async Task Screen_FromASiteTheAgencyDidNotAllow_Answers403AndNoData()
    {
        var (agency, client, _) = await api.WidgetResellerAsync(displayName: "Bluebird Growth");

        var response = await PostAsync("/widget/screen", "https://evil.example", agency.Slug, await agency.WidgetSecretAsync(client));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Starter");
    }

    [Fact]
    public async Task Screen_WithAFormLargerThanAWidgetSendsInChunks_Answers413()
    {
        var (agency, _, _) = await api.WidgetResellerAsync(displayName: "Bluebird Growth");
        var body = new StreamContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes("locale=" + new string('a', 64 * 1024))));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/screen?agency={agency.Slug}") { Content = body };
        request.Headers.Add("Origin", Site);
        request.Headers.TransferEncodingChunked = true;

        await (await api.CreateClient().SendAsync(request, Ct)).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Screen_AsJsonRatherThanAForm_Answers415()
    {
        var (agency, _, _) = await api.WidgetResellerAsync(displayName: "Bluebird Growth");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/screen?agency={agency.Slug}") { Content = JsonContent.Create(new { agency = agency.Slug }) };
        request.Headers.Add("Origin", Site);

        await (await api.CreateClient().SendAsync(request, Ct)).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Checkout_ClickedOnTheFirstScreen_StartsTheAgencysCheckoutForThatClientAndShowsItOpen()
    {
        var (agency, client, pack) = await api.WidgetResellerAsync(displayName: "Bluebird Growth");

        var body = await (await PostAsync("/widget/checkout", Site, agency.Slug, await agency.WidgetSecretAsync(client), ("pack", pack)))
            .ExpectAsync(HttpStatusCode.OK);

        var started = body.GetProperty("started");
        var checkoutId = started.GetProperty("checkoutId").GetString()!;
        started.GetProperty("credits").GetInt64().ShouldBe(100);
        started.GetProperty("packId").GetString().ShouldBe(pack);
        var html = body.GetProperty("html").GetString()!;
        html.ShouldContain(CreditsWidget.CompleteInCheckout);
        html.ShouldContain($"href=\"{started.GetProperty("url").GetString()}\"");
        await using var scope = api.Services.CreateAsyncScope();
        var purchase = (await scope.ServiceProvider.GetRequiredService<GetCheckoutResult>().HandleAsync(checkoutId, Ct))!.Purchase;
        (purchase.AgencyId.ToString(), purchase.SubAccountId.ToString(), purchase.Credits, purchase.Origin, purchase.State)
            .ShouldBe((agency.Id, client, 100L, PurchaseOrigin.Widget, PurchaseState.Pending));
    }

    [Fact]
    public async Task Checkout_WithASecretThatDoesNotVerify_Answers422InWordsAndStartsNothing()
    {
        var (agency, client, pack) = await api.WidgetResellerAsync(displayName: "Bluebird Growth");
        var secret = await agency.WidgetSecretAsync(client);
        var forged = secret[..^6] + (secret[^6..] == "AAAAAA" ? "BBBBBB" : "AAAAAA");

        var problem = await (await PostAsync("/widget/checkout", Site, agency.Slug, forged, ("pack", pack)))
            .ExpectProblemAsync((HttpStatusCode)422, "checkout_failed");

        problem.GetProperty("detail").GetString().ShouldStartWith("Your session has ended");
    }

    [Theory]
    [InlineData("credits", "-5")]
    [InlineData("credits", "lots")]
    [InlineData("nothing", "")]
    public async Task Checkout_WithoutAPackOrAPositiveQuantity_Answers400(string field, string value)
    {
        var (agency, client, _) = await api.WidgetResellerAsync(displayName: "Bluebird Growth");

        var problem = await (await PostAsync("/widget/checkout", Site, agency.Slug, await agency.WidgetSecretAsync(client), (field, value)))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        problem.GetProperty("detail").GetString().ShouldBe("Choose a pack or a number of credits to buy.");
    }

    [Fact]
    public async Task Checkout_FromASiteTheAgencyDidNotAllow_Answers403()
    {
        var (agency, client, pack) = await api.WidgetResellerAsync(displayName: "Bluebird Growth");

        var response = await PostAsync("/widget/checkout", "https://evil.example", agency.Slug, await agency.WidgetSecretAsync(client), ("pack", pack));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string origin, string slug, string secret, params (string, string)[] extra)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?agency={slug}")
        {
            Content = new FormUrlEncodedContent([new("agency", slug), new("client-secret", secret), .. extra.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2))]),
        };
        request.Headers.Add("Origin", origin);
        return await api.CreateClient().SendAsync(request, Ct);
    }

    [GeneratedRegex("<button[^>]*aria-label=\"Buy Starter\"[^>]*>")]
    private static partial Regex BuyButton();
}

public sealed class WidgetFirstScreenTestsOnSqlite(SqliteApi api) : WidgetFirstScreenTests(api), IClassFixture<SqliteApi>;

public sealed class WidgetFirstScreenTestsOnPostgres(PostgresApi api) : WidgetFirstScreenTests(api), IClassFixture<PostgresApi>;
