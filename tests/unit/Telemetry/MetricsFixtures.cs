using Microsoft.AspNetCore.Hosting;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Telemetry;

/// <summary>The Storefront as a developer runs it: <c>/metrics</c> is on and anonymous.</summary>
public sealed class DevelopmentApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>Outside Development, with a scrape token: <c>/metrics</c> on the public port wants it.</summary>
public sealed class ScrapeTokenApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    public const string Token = "scrape-token-for-tests-0123456789";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Metrics:Prometheus:ScrapeToken"] = Token,
    };
}
