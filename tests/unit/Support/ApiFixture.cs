using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Payments.Stripe;
using ResellerKit.Storefront.StripeSandbox;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>
/// The whole Storefront in memory (WebApplicationFactory) on a real, migrated database of its own. Tests share it
/// within a class and stay apart by creating their own agencies.
/// </summary>
public class ApiFixture(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PlatformKey = "rk_platform_test_key_for_api_tests_only";

    private TestDatabase? database;

    /// <summary>Where this fixture's emails land as .eml files (the embedded pickup delivery).</summary>
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("resellerkit-mail-").FullName;

    public DatabaseProvider Provider => provider;

    public string ConnectionString => database?.ConnectionString ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider, SqliteFolder);
        _ = Server; // Starts the host: migrations run here, once per fixture.
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Engine", ConnectionString);
        builder.UseSetting("ResellerKit:PlatformApiKey", PlatformKey);
        builder.UseSetting("ResellerKit:PublicBaseUrl", "http://resellerkit.test");
        builder.UseSetting("ResellerKit:SeedDemo", "false");
        builder.UseSetting("Stripe:SandboxSettleDelay", "00:00:01");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            // The app calls its own Stripe sandbox and webhook endpoint over HTTP; in memory, that HTTP is the test server.
            foreach (var name in new[] { StripeClients.HttpClientName, SandboxWebhookSender.HttpClientName })
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
            }
            ConfigureTestServices(services);
        });
    }

    /// <summary>Replaces services for a fixture kind (a clock the tests move).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Where a SQLite fixture keeps its file; null for the temp folder.</summary>
    protected virtual string? SqliteFolder => null;

    /// <summary>Extra configuration of a fixture kind (loopback webhooks, short timeouts).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public HttpClient Platform() => WithKey(PlatformKey);

    public HttpClient WithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApi() : ApiFixture(DatabaseProvider.Sqlite);

public sealed class PostgresApi() : ApiFixture(DatabaseProvider.Postgres);

/// <summary>
/// Agency webhooks may go to 127.0.0.1 (the tests' own receivers) and are retried after a fraction of a second; the
/// app's clock is real time that a test may move forward (<see cref="Clock"/>), for what happens once a day.
/// </summary>
public sealed class WebhookApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Webhooks:AllowLoopback"] = "true",
        ["Webhooks:RetryBaseDelay"] = "00:00:00.200",
        ["Recharge:WebhookGrantTimeout"] = "00:00:05",
        ["Recharge:ExpiryInterval"] = "00:00:00.250",
    };
}
