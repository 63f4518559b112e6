using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>"Embed the widget": the allowed origins, the snippet generator, the live preview and who has the widget by plan.</summary>
public sealed class WidgetPageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task WidgetPage_ShowsTheSnippetWithTheAgencysSlug_AndTheRealWidgetAsPreview()
    {
        var agency = await api.CreateAgencyAsync();
        var browser = await api.SignInOwnerAsync(agency);

        var (status, html) = await browser.GetAsync("/admin/widget");

        status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(Snippet(html)).Split('\n').ShouldBe([
            "<script src=\"http://resellerkit.test/widget.js\" defer></script>",
            $"<resellerkit-credits agency=\"{agency.Slug}\" style=\"display:block;min-height:22rem\"></resellerkit-credits>",
        ]);
        html.ShouldContain("<script src=\"/widget.js\" defer></script>");
        html.ShouldContain($"<resellerkit-credits agency=\"{agency.Slug}\" style=");
        html.ShouldNotContain("blazor.web.js", customMessage: "blazor.web.js and the widget's blazor.server.js cannot share a page");
    }

    [Fact]
    public async Task SnippetOptions_SignedInWithAccentAndLocale_AddThemToTheSnippet_AndExplainTheServerCall()
    {
        var agency = await api.CreateAgencyAsync();
        var browser = await api.SignInOwnerAsync(agency);

        var (_, html) = await browser.GetAsync("/admin/widget?mode=signed-in&accent=%23c2410c&locale=de-DE");

        WebUtility.HtmlDecode(Snippet(html)).ShouldContain(
            $"<resellerkit-credits agency=\"{agency.Slug}\" client-secret=\"{{CLIENT_SECRET}}\" accent=\"#c2410c\" locale=\"de-DE\"");
        WebUtility.HtmlDecode(html).ShouldContain("curl -X POST http://resellerkit.test/api/v1/widget-sessions");
    }

    [Fact]
    public async Task SnippetOptions_WithABadAccent_ShowTheErrorAndLeaveTheAccentOut()
    {
        var agency = await api.CreateAgencyAsync();
        var browser = await api.SignInOwnerAsync(agency);

        var (_, html) = await browser.GetAsync("/admin/widget?accent=red");

        html.ShouldContain("The accent must be a colour such as #1d4ed8");
        WebUtility.HtmlDecode(Snippet(html)).ShouldNotContain("accent=");
    }

    [Fact]
    public async Task OriginsForm_SavesTheOriginsNormalised_AndSkipsTheEmptyRow()
    {
        var agency = await api.CreateAgencyAsync();
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/widget", "/admin/widget", ("_handler", "widget-origins"),
            ("Input.Origins[0]", "https://WWW.Agency.example:443"), ("Input.Origins[1]", "http://localhost:8080"), ("Input.Origins[2]", ""));
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Allowed origins saved.");
        (await OriginsAsync(agency)).ShouldBe(["http://localhost:8080", "https://www.agency.example"]);
        html.ShouldContain("value=\"https://www.agency.example\"");
    }

    [Fact]
    public async Task OriginsForm_WithABadOrigin_ShowsTheErrorBesideItAndSavesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/widget", "/admin/widget", ("_handler", "widget-origins"),
            ("Input.Origins[0]", "https://ok.example"), ("Input.Origins[1]", ""), ("Input.Origins[2]", "https://shop.example/checkout"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        html.ShouldContain("<p class=\"field-error\" id=\"origins[2]-error\" role=\"alert\">'https://shop.example/checkout' must be only a scheme, host and optional port");
        html.ShouldNotContain("id=\"origins[0]-error\"");
        html.ShouldNotContain("Allowed origins saved.");
        (await OriginsAsync(agency)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemoveButton_TakesThatOriginOffTheList()
    {
        var agency = await api.CreateAgencyAsync();
        await (await agency.Client.PutAsJsonAsync("/api/v1/agency/widget-origins",
            new { origins = new[] { "https://a.example", "https://b.example" } }, Ct)).ExpectAsync(HttpStatusCode.OK);
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/widget", "/admin/widget", ("_handler", "remove-origin"), ("Removal.Origin", "https://a.example"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        html.ShouldContain("https://a.example can no longer show your widget.");
        (await OriginsAsync(agency)).ShouldBe(["https://b.example"]);
        html.ShouldNotContain("value=\"https://a.example\"");
    }

    [Fact]
    public async Task PreviewAs_AClientWithTheWidget_RendersThePreviewWithARealClientSecret()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Preview Florists");
        var browser = await api.SignInOwnerAsync(agency);

        var response = await browser.SubmitAsync("/admin/widget?mode=signed-in", "/admin/widget?mode=signed-in",
            ("_handler", "preview-as"), ("Preview.SubAccountId", client.SubAccountId));
        var html = await response.Content.ReadAsStringAsync(Ct);

        html.ShouldContain("signed in as Preview Florists");
        html.ShouldMatch($"<resellerkit-credits agency=\"{agency.Slug}\" client-secret=\"rkws_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\"");
        WebUtility.HtmlDecode(Snippet(html)).ShouldContain("client-secret=\"{CLIENT_SECRET}\"", customMessage: "the snippet to copy never carries a real secret");
    }

    [Fact]
    public async Task PreviewAs_AClientWithoutTheWidgetOrOfAnotherAgency_IssuesNoSecret()
    {
        var agency = await api.CreateAgencyAsync();
        var neighbour = await api.CreateAgencyAsync();
        var basic = await agency.CreateClientAsync(name: "Basic Bakery");
        await api.AssignPlanAsync(agency, basic.SubAccountId, Features.All & ~Features.Widget);
        var theirs = await neighbour.CreateClientAsync(name: "Their Client");
        var browser = await api.SignInOwnerAsync(agency);

        var (_, page) = await browser.GetAsync("/admin/widget");
        var off = await browser.SubmitAsync("/admin/widget?mode=signed-in", "/admin/widget?mode=signed-in",
            ("_handler", "preview-as"), ("Preview.SubAccountId", basic.SubAccountId));
        var foreign = await browser.SubmitAsync("/admin/widget?mode=signed-in", "/admin/widget?mode=signed-in",
            ("_handler", "preview-as"), ("Preview.SubAccountId", theirs.SubAccountId));
        var offHtml = await off.Content.ReadAsStringAsync(Ct);
        var foreignHtml = await foreign.Content.ReadAsStringAsync(Ct);

        page.ShouldContain("<strong>0 of 1</strong> clients have it");
        page.ShouldContain("Basic Bakery</a>");
        offHtml.ShouldContain("The Widget feature is off for this sub-account.");
        foreignHtml.ShouldContain("Choose one of your clients.");
        foreignHtml.ShouldNotContain("Their Client");
        foreach (var html in new[] { offHtml, foreignHtml })
        {
            html.ShouldNotContain("client-secret=\"rkws_");
        }
    }

    private static string Snippet(string html)
    {
        const string start = "<code id=\"widget-snippet\">";
        var from = html.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return html[from..html.IndexOf("</code>", from, StringComparison.Ordinal)];
    }

    private static async Task<List<string>> OriginsAsync(TestAgency agency) =>
        (await (await agency.Client.GetAsync("/api/v1/agency/widget-origins", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("origins").EnumerateArray().Select(o => o.GetString()!).ToList();
}
