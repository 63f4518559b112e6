using System.Globalization;

namespace ResellerKit.Bench.Load.Page;

/// <summary>
/// Figure P2: requests per second for the demo agency's storefront page (/ on demo.localhost, its packs rendered
/// through its theme) on the published Storefront, against a bare Kestrel serving the very bytes that page answered as a static
/// file. The same wrk settings for both, after a warm-up run each; the two alternate for <see cref="Rounds"/> rounds
/// and each keeps its best round, so a burst of load from the neighbours on the shared cores does not pick the winner.
/// </summary>
public static class PageFigure
{
    private const int Rounds = 2;

    public static async Task<int> RunAsync(string dll, TimeSpan warmUp, TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("resellerkit-p2-").FullName;
        try
        {
            var environment = new Dictionary<string, string> { ["ResellerKit__SeedDemo"] = "true" };
            await using var host = await StorefrontHost.StartAsync(dll, environment, Directory.CreateDirectory(Path.Combine(folder, "storefront")).FullName);
            var storefrontUrl = host.BaseUrl + "/";
            var storefrontHost = StorefrontClient.Host(host.BaseUrl, "demo");
            using var http = StorefrontClient.For(host.BaseUrl, "demo");
            var page = await http.GetByteArrayAsync("/");
            var files = Directory.CreateDirectory(Path.Combine(folder, "static")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(files, "index.html"), page);
            var baselineUrl = $"http://127.0.0.1:{StorefrontHost.FreePort()}";
            await using var app = await StaticPage.StartAsync(files, baselineUrl);
            baselineUrl += "/index.html";

            await Wrk.RunAsync(storefrontUrl, warmUp, storefrontHost);
            await Wrk.RunAsync(baselineUrl, warmUp);
            double storefront = 0, baseline = 0, p99 = 0;
            for (var round = 1; round <= Rounds; round++)
            {
                var s = await Wrk.RunAsync(storefrontUrl, duration, storefrontHost);
                var b = (await Wrk.RunAsync(baselineUrl, duration)).RequestsPerSecond;
                Console.WriteLine($"  round {round}: storefront {s.RequestsPerSecond:0}/s (p99 {s.P99Ms:0.0} ms), static {b:0}/s ({page.Length:N0} bytes, wrk -t{Wrk.Threads} -c{Wrk.Connections})");
                p99 = s.RequestsPerSecond > storefront ? s.P99Ms : p99;
                (storefront, baseline) = (Math.Max(storefront, s.RequestsPerSecond), Math.Max(baseline, b));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"P2 storefront-page: resellerkit={storefront:0}/s baseline={baseline:0}/s ratio={storefront / baseline:0.00} p99={p99:0.0}ms"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
