using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>The Storefront's HTTP API as an agency's server calls it: with the platform key or an agency key.</summary>
public sealed class StorefrontApi(string baseUrl, string key) : IDisposable
{
    public const string PlatformKey = "rk_platform_e2e_key_for_widget_tests_only";

    private readonly HttpClient http = new()
    {
        BaseAddress = new Uri(baseUrl),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };

    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["ResellerKit__PlatformApiKey"] = PlatformKey,
        ["ResellerKit__SeedDemo"] = "false",
        ["Stripe__SandboxSettleDelay"] = "00:00:01",
    };

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A reselling agency with the Starter pack (100 credits, $15), one client, and the given embedding origins.</summary>
    public static async Task<(StorefrontApi Agency, string Slug, string SubAccountId)> ResellerAsync(string baseUrl, params string[] origins)
    {
        using var platform = new StorefrontApi(baseUrl, PlatformKey);
        await platform.SendAsync(HttpMethod.Put, "/api/v1/platform/minimum-prices/usd", new { unitAmountPerCredit = "0.5", platformFeePerCredit = "0.4" });
        var slug = "widget-" + Guid.NewGuid().ToString("N")[..8];
        var created = await platform.SendAsync(HttpMethod.Post, "/api/v1/agencies", new { name = "Brightside Digital", slug, ownerEmail = $"owner@{slug}.example" });
        var agency = new StorefrontApi(baseUrl, created.GetProperty("apiKey").GetString()!);
        await agency.SendAsync(HttpMethod.Post, "/api/v1/packs", new { name = "Starter", credits = 100, unitAmount = 1_500, currency = "usd" });
        await agency.SendAsync(HttpMethod.Post, "/api/v1/packs", new { name = "Growth", credits = 500, unitAmount = 6_000, currency = "usd" });
        var client = await agency.SendAsync(HttpMethod.Post, "/api/v1/sub-accounts",
            new { name = "Bluebird Dental", email = $"hello@{slug}.example", creditMode = "reselling" });
        await agency.SendAsync(HttpMethod.Put, "/api/v1/agency/widget-origins", new { origins });
        return (agency, slug, client.GetProperty("id").GetString()!);
    }

    public async Task<string> ClientSecretAsync(string subAccountId) =>
        (await SendAsync(HttpMethod.Post, "/api/v1/widget-sessions", new { subAccountId })).GetProperty("clientSecret").GetString()!;

    public void Dispose() => http.Dispose();
}
