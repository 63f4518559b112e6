using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

public sealed class HealthAndDocsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("/healthz", "ok")]
    [InlineData("/readyz", "ready")]
    public async Task Health_AfterStart_Answers200(string path, string text)
    {
        var response = await api.CreateClient().GetAsync(path, Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(text);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheUsageRoute()
    {
        var document = await (await api.CreateClient().GetAsync("/openapi/v1.json", Ct)).ExpectAsync(HttpStatusCode.OK);

        document.GetProperty("paths").TryGetProperty("/api/v1/sub-accounts/{id}/usage", out var usage).ShouldBeTrue();
        usage.TryGetProperty("post", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Scalar_Ui_IsServed()
    {
        var response = await api.CreateClient().GetAsync("/scalar/", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("ResellerKit API");
    }

    [Fact]
    public async Task UnknownPage_OpenedInABrowser_AnswersAPageInWords()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/nothing-here");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        var response = await api.CreateClient().SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("<h1>Page not found</h1>");
        html.ShouldContain("Error 404");
    }

    [Fact]
    public async Task UnknownRoute_AnswersProblemJson404()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/nothing-here", Ct);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
