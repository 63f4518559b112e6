using System.Diagnostics;
using System.Net;
using ResellerKit.Tests.E2e.Operations;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Storefront;

/// <summary>
/// Issue 15, item 1, across nodes: two Storefront processes on one PostgreSQL database, each with its own output cache.
/// A page a visitor got from one node's cache shows a change the agency made through the other node: the storefront
/// stamp in the database, which each node reads at most once a second, evicts the page there too.
/// </summary>
public sealed class StorefrontCacheAcrossNodesTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StorefrontPage_CachedOnOneNode_ShowsChangesMadeThroughAnother()
    {
        var database = Storm.Postgres();
        Assert.SkipWhen(database is null, "RESELLERKIT_TEST_POSTGRES is not set");
        var settings = new Dictionary<string, string>(Storm.Settings(StorefrontProcess.NewWorkDir()).Concat(database!));
        await using var editor = await StorefrontProcess.StartAsync(StorefrontProcess.NewWorkDir(), settings); // migrates the database
        await using var visited = await StorefrontProcess.StartAsync(StorefrontProcess.NewWorkDir(), settings);
        using var platform = new ResellerKitApi(editor.BaseUrl, Storm.PlatformKey);
        await platform.SendAsync(HttpMethod.Put, "/api/v1/platform/minimum-prices/usd", new { unitAmountPerCredit = "0.05" }, HttpStatusCode.OK);
        var slug = "nodes-" + Guid.NewGuid().ToString("N")[..10];
        var created = await platform.PostAsync("/api/v1/agencies", new { name = "Before Brand", slug, ownerEmail = $"owner@{slug}.example" });
        using var agency = new ResellerKitApi(editor.BaseUrl, created.GetProperty("apiKey").GetString()!);
        using var visitor = new HttpClient { BaseAddress = new Uri(visited.BaseUrl), DefaultRequestHeaders = { Host = new Uri(visited.StorefrontUrl(slug)).Authority } };

        var first = await PageAsync(visitor);
        var second = await visitor.GetAsync("/", Ct);
        await agency.SendAsync(HttpMethod.Patch, "/api/v1/agency", new { displayName = "After Brand" }, HttpStatusCode.OK);
        await agency.PostAsync("/api/v1/packs", new { name = "Nodes pack", credits = 250, unitAmount = 1_900, currency = "usd" });
        var waited = Stopwatch.StartNew();
        var changed = await Poll.UntilAsync(() => PageAsync(visitor), html => html.Contains("After Brand") && html.Contains("Nodes pack"), Patience);
        output.WriteLine($"the other node showed the change after {waited.ElapsedMilliseconds} ms");

        first.ShouldContain("Before Brand");
        second.Headers.Age.ShouldNotBeNull("the second visit came from the visited node's output cache, so the change had a cached page to evict");
        changed.ShouldContain("After Brand");
        changed.ShouldContain("Nodes pack");
        changed.ShouldNotContain("Before Brand");
    }

    private static async Task<string> PageAsync(HttpClient visitor)
    {
        using var page = await visitor.GetAsync("/", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await page.Content.ReadAsStringAsync(Ct);
    }
}
