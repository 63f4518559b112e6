using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Hosting;
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

    /// <summary>This install's sandbox key (generated at its first start), for calling the sandbox as Stripe.net does.</summary>
    public string SandboxKey { get; private set; } = "";

    /// <summary>The secret the sandbox signs its webhooks with, so that tests sign events exactly as it does.</summary>
    public string WebhookSecret { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider, SqliteFolder);
        _ = Server; // Starts the host: migrations run here, once per fixture.
        // As a load balancer would, the tests wait for /readyz's last step (the widget's warm-up) before sending work.
        await Eventually.ReturnsAsync(() => Task.FromResult(Services.GetRequiredService<Readiness>().Warm), warm => warm);
        if (Services.GetRequiredService<IOptions<StripeOptions>>().Value.IsSandbox)
        {
            SandboxKey = await Services.GetRequiredService<SandboxSecrets>().ApiKeyAsync(Ct);
            WebhookSecret = (await Services.GetRequiredService<StripeKeys>().WebhookSecretAsync(Ct))!;
        }
        // The test platform sells in US dollars with no floor and no fee (a test that needs one sets it).
        await this.SetMinimumAsync("usd", "0", "0");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (StripeMode is not null)
        {
            builder.UseSetting("Stripe:Mode", StripeMode);
        }
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

    /// <summary>The host environment; "Testing" unless a fixture plays another.</summary>
    protected virtual string Environment => "Testing";

    /// <summary>Stripe:Mode; the sandbox unless a fixture plays an install without it (null: the default for its environment).</summary>
    protected virtual string? StripeMode => "Sandbox";

    /// <summary>Replaces services for a fixture kind (a clock the tests move).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Where a SQLite fixture keeps its file; null for the temp folder.</summary>
    protected virtual string? SqliteFolder => null;

    /// <summary>Extra configuration of a fixture kind (loopback webhooks, short timeouts).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Where an agency's storefront lives in the tests: its own host under the platform's, as by default.</summary>
    public static Uri StorefrontUrl(string slug) => new($"http://{slug}.resellerkit.test/");

    /// <summary>Where this fixture's browsers reach the platform host (the back office).</summary>
    public virtual Uri PlatformAddress => Server.BaseAddress;

    /// <summary>Where this fixture's browsers reach an agency's storefront.</summary>
    public virtual Uri StorefrontAddress(string slug) => StorefrontUrl(slug);

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

/// <summary>An install whose public base URL is https (and so its storefronts, under it); its browsers speak https.</summary>
public sealed class HttpsApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["ResellerKit:PublicBaseUrl"] = "https://resellerkit.test",
    };

    public override Uri PlatformAddress => new("https://resellerkit.test/");

    public override Uri StorefrontAddress(string slug) => new($"https://{slug}.resellerkit.test/");
}

/// <summary>An install as an operator first starts it in Production, with no Stripe key configured.</summary>
public sealed class ProductionApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    protected override string Environment => "Production";

    protected override string? StripeMode => null;
}

/// <summary>An app whose clock a test may move forward (<see cref="Clock"/>): links and offers that expire after days.</summary>
public abstract class ClockedApi(DatabaseProvider provider) : ApiFixture(provider)
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class ClockedSqliteApi() : ClockedApi(DatabaseProvider.Sqlite);

public sealed class ClockedPostgresApi() : ClockedApi(DatabaseProvider.Postgres);
