using static ResellerKit.Bench.BenchApi;

namespace ResellerKit.Bench.Widget;

/// <summary>An agency as its server sets it up through the API: packs, one reselling client, the allowed origin, and secrets.</summary>
public sealed class BenchAgency(HttpClient agency, string slug, string subAccountId)
{
    public string Slug => slug;

    public static async Task<BenchAgency> CreateAsync(string baseUrl, string origin)
    {
        var platform = Client(baseUrl, StorefrontHost.PlatformKey);
        await SendAsync(platform, HttpMethod.Put, "/api/v1/platform/minimum-prices/usd", new { unitAmountPerCredit = "0.5" });
        var slug = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var created = await SendAsync(platform, HttpMethod.Post, "/api/v1/agencies", new { name = "Brightside Digital", slug, ownerEmail = $"owner@{slug}.example" });
        var agency = Client(baseUrl, created.GetProperty("apiKey").GetString()!);
        foreach (var (name, credits, amount) in new[] { ("Starter", 100, 1_500), ("Growth", 500, 6_000), ("Scale", 2_000, 20_000) })
        {
            await SendAsync(agency, HttpMethod.Post, "/api/v1/packs", new { name, credits, unitAmount = amount, currency = "usd" });
        }
        var client = await SendAsync(agency, HttpMethod.Post, "/api/v1/sub-accounts", new { name = "Bluebird Dental", email = $"hello@{slug}.example", creditMode = "reselling" });
        await SendAsync(agency, HttpMethod.Put, "/api/v1/agency/widget-origins", new { origins = new[] { origin } });
        return new BenchAgency(agency, slug, client.GetProperty("id").GetString()!);
    }

    public async Task<string> ClientSecretAsync() =>
        (await SendAsync(agency, HttpMethod.Post, "/api/v1/widget-sessions", new { subAccountId })).GetProperty("clientSecret").GetString()!;
}
