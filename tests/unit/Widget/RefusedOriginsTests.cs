using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>
/// A site the agency has not allowed is told that this is why the widget is missing (widget.js asks /widget/origin when
/// its connection is refused), and the agency sees the refused site in the back office and allows it with one click.
/// </summary>
public sealed class RefusedOriginsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Site = "https://www.agency-site.example";
    private const string Stranger = "https://blog.agency-site.example";

    [Fact]
    public async Task OriginCheck_ForASiteTheAgencyDidNotAllow_SaysNotAllowed_AndForAnAllowedOne_Allowed()
    {
        var agency = await AgencyAllowingSiteAsync();

        var refused = await CheckAsync(agency.Slug, Stranger);
        var allowed = await CheckAsync(agency.Slug, Site);

        refused.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        var body = await refused.ExpectAsync(HttpStatusCode.OK);
        (body.GetProperty("origin").GetString(), body.GetProperty("allowed").GetBoolean()).ShouldBe((Stranger, false));
        (await allowed.ExpectAsync(HttpStatusCode.OK)).GetProperty("allowed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task WidgetPage_ListsRecentlyRefusedSites_AndAllowsOneWithAClick()
    {
        var agency = await AgencyAllowingSiteAsync();
        for (var i = 0; i < 2; i++)
        {
            (await NegotiateAsync(agency.Slug, Stranger)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        var owner = await api.SignInOwnerAsync(agency);

        var page = System.Text.RegularExpressions.Regex.Replace((await owner.GetAsync("/admin/widget")).Html, @">\s+<", "><");
        var allowed = await owner.SubmitAsync("/admin/widget", "/admin/widget", ("_handler", "allow-origin"), ("Allowance.Origin", Stranger));
        var after = WebUtility.HtmlDecode(await allowed.Content.ReadAsStringAsync(Ct));
        var origins = await (await agency.Client.GetAsync("/api/v1/agency/widget-origins", Ct)).ExpectAsync(HttpStatusCode.OK);

        page.ShouldContain("Recently refused sites");
        page.ShouldContain($"<td><code>{Stranger}</code></td><td>2 times</td>");
        page.ShouldContain($"aria-label=\"Allow {Stranger}\"");
        after.ShouldContain($"{Stranger} can show your widget now.");
        after.ShouldNotContain("Recently refused sites");
        origins.GetProperty("origins").EnumerateArray().Select(o => o.GetString()).ShouldBe([Stranger, Site]);
        (await NegotiateAsync(agency.Slug, Stranger)).StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);
    }

    private async Task<TestAgency> AgencyAllowingSiteAsync()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PutAsJsonAsync("/api/v1/agency/widget-origins", new { origins = new[] { Site } }, Ct)).EnsureSuccessStatusCode();
        return agency;
    }

    private Task<HttpResponseMessage> CheckAsync(string slug, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/widget/origin?agency={slug}");
        request.Headers.Add("Origin", origin);
        return api.CreateClient().SendAsync(request, Ct);
    }

    private Task<HttpResponseMessage> NegotiateAsync(string slug, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/_blazor/negotiate?agency={slug}&negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        return api.CreateClient().SendAsync(request, Ct);
    }
}
