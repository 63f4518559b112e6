using System.Net;
using System.Net.Http.Json;
using ResellerKit.Storefront.WidgetHost;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>The origins a widget may be embedded on: the agency's allow-list, and the hub's CORS for those origins only.</summary>
public abstract class WidgetOriginTests(ApiFixture api)
{
    private const string Site = WidgetDriver.Site;

    [Fact]
    public async Task Load_FromAnOriginTheAgencyHasNotAllowed_IsUnavailable()
    {
        var (agency, client, _) = await api.WidgetResellerAsync();

        var view = await api.LoadWidgetAsync(agency.Slug, await agency.WidgetSecretAsync(client), new WidgetCaller("https://evil.example", false, agency.Slug));

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
}

public sealed class WidgetOriginTestsOnSqlite(SqliteApi api) : WidgetOriginTests(api), IClassFixture<SqliteApi>;

public sealed class WidgetOriginTestsOnPostgres(PostgresApi api) : WidgetOriginTests(api), IClassFixture<PostgresApi>;
