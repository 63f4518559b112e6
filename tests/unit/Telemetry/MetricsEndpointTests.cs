using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Telemetry;

/// <summary>The Prometheus scrape: what it shows after real API calls, and who may read it.</summary>
public sealed partial class MetricsEndpointTests(DevelopmentApi development, ScrapeTokenApi withToken, SqliteApi unconfigured)
    : IClassFixture<DevelopmentApi>, IClassFixture<ScrapeTokenApi>, IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Metrics_InDevelopmentAfterThreeUsageDebits_ShowTheLedgerCountAndAspNetCoreRequestDurations()
    {
        var agency = await development.CreateAgencyAsync();
        var client = await agency.CreateSubAccountAsync("reselling");
        await agency.GrantAsync(client, 10);
        for (var i = 0; i < 3; i++)
        {
            (await agency.Client.UsageAsync(client, 2)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        (await agency.Client.UsageAsync(client, 50)).StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);

        var metrics = await ScrapeAsync(development.CreateClient());

        Sample(metrics, "resellerkit_ledger_transactions_total", "type=\"usage\"").ShouldBeGreaterThanOrEqualTo(3);
        Sample(metrics, "resellerkit_usage_refusals_total", "code=\"insufficient_credits\"").ShouldBeGreaterThanOrEqualTo(1);
        metrics.ShouldContain("http_server_request_duration_seconds_bucket{");
        metrics.ShouldContain("http_route=\"/api/v1/sub-accounts/{id:guid}/usage\"");
    }

    [Fact]
    public async Task Metrics_WithoutTheScrapeTokenOutsideDevelopment_Returns401()
    {
        using var response = await withToken.CreateClient().GetAsync("/metrics", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("resellerkit_");
    }

    [Fact]
    public async Task Metrics_WithTheScrapeToken_ReturnsTheExposition()
    {
        var http = withToken.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeTokenApi.Token);
        await withToken.CreateAgencyAsync(); // a ledger-free request, so that the scrape has HTTP metrics to show

        var metrics = await ScrapeAsync(http);

        metrics.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
    }

    [Fact]
    public async Task Metrics_OutsideDevelopmentWhenNotConfigured_IsNotFound()
    {
        using var response = await unconfigured.CreateClient().GetAsync("/metrics", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Start_WithMetricsOnThePublicPortWithoutATokenOutsideDevelopment_FailsWithWhatToSet()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Metrics:Prometheus:Enabled", "true");
        });

        var failure = Should.Throw<Exception>(() => factory.Server);

        failure.ToString().ShouldContain("Set Metrics:Prometheus:ScrapeToken");
    }

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return text;
    }

    /// <summary>The value of the first sample of <paramref name="name"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Sample(string exposition, string name, string label)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal));
        line.ShouldNotBeNull($"no {name}{{{label}}} in:\n{exposition}");
        return double.Parse(SampleValue().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\}\s+(\S+)")]
    private static partial Regex SampleValue();
}
