using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 13, item 5: a storefront whose renders are all busy answers 503 with Retry-After; another agency's storefront
/// does not wait for it. The fixture allows one render per agency and a short queue, as configuration can.
/// </summary>
public sealed class BusyStorefrontTests(BusyStorefrontTests.OneRenderPerAgency api) : IClassFixture<BusyStorefrontTests.OneRenderPerAgency>
{
    private const string Spin = "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}";

    [Fact]
    public async Task Storefront_WhileItsRendersAreAllBusy_Answers503WithRetryAfter_AndOthersServe()
    {
        var hostile = await api.CreateAgencyAsync();
        var neighbour = await api.CreateAgencyAsync();
        (await hostile.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content = Spin }, Ct)).EnsureSuccessStatusCode();

        var spinning = Browser.Storefront(api, hostile.Slug).Client.GetAsync("/", Ct);
        await Task.Delay(300, Ct);
        // Another page of the storefront: a second visitor of the same page waits for the first render (the page cache's
        // lock, so a burst of visitors costs one render), but any other page needs a render slot of its own.
        var queued = await Browser.Storefront(api, hostile.Slug).Client.GetAsync("/sign-in", Ct);
        var (neighbourStatus, _) = await Browser.Storefront(api, neighbour.Slug).GetAsync("/");
        var spun = await spinning;

        queued.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        queued.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        neighbourStatus.ShouldBe(HttpStatusCode.OK);
        spun.StatusCode.ShouldBe(HttpStatusCode.InternalServerError, "the spinning page stops at its time budget");
    }

    public sealed class OneRenderPerAgency() : ApiFixture(ResellerKit.Engine.Persistence.DatabaseProvider.Sqlite)
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Themes:Limits:MaxConcurrentRendersPerAgency"] = "1",
            ["Themes:Limits:RenderQueueTimeout"] = "00:00:00.050",
            ["Themes:Limits:TimeBudget"] = "00:00:02",
            ["Themes:Limits:MaxSteps"] = "2000000000",
            ["Themes:Limits:MaxRecursion"] = "100",
        };
    }
}
