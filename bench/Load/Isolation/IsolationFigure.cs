using System.Diagnostics;
using System.Globalization;

namespace ResellerKit.Bench.Load.Isolation;

/// <summary>
/// Figure P2c: one agency's hostile theme must not slow another's storefront, nor fill the server's memory. Agency A's
/// index spins until its time budget (four clients) or builds thousands of large strings (four clients); meanwhile
/// agency B's plain storefront is timed, sequentially, and compared with the same timing before A's load started.
/// The Storefront's resident memory is sampled throughout. Goals: B's median within 2× unloaded, memory bounded.
/// </summary>
public static class IsolationFigure
{
    private const int HostileClients = 8;
    private const int Samples = 200;

    private const string Spin = "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}";
    private const string Hoard =
        "{% assign s = 'xxxxxxxxxxxxxxxx' %}{% for i in (1..13) %}{% assign s = s | append: s %}{% endfor %}" +
        "{% assign list = '' | split: ',' %}{% for i in (1..10000) %}{% assign t = s | append: i | split: '|' %}{% assign list = list | concat: t %}{% endfor %}{{ list.size }}";

    public static async Task<int> RunAsync(string dll, TimeSpan duration)
    {
        var environment = new Dictionary<string, string> { ["Themes__Limits__MaxSteps"] = "2000000000", ["Themes__Limits__MaxRecursion"] = "100" };
        await using var host = await StorefrontHost.StartAsync(dll, environment);
        using var platform = BenchApi.Client(host.BaseUrl, StorefrontHost.PlatformKey);
        var hostile = await AgencyAsync(platform, host.BaseUrl, "hostile");
        var neighbour = await AgencyAsync(platform, host.BaseUrl, "neighbour");
        await BenchApi.SendAsync(BenchApi.Client(host.BaseUrl, hostile), HttpMethod.Put, "/api/v1/theme/files/templates/index.liquid", new { content = Spin });
        await BenchApi.SendAsync(BenchApi.Client(host.BaseUrl, hostile), HttpMethod.Put, "/api/v1/theme/files/templates/404.liquid", new { content = Hoard });
        using var neighbourShop = StorefrontClient.For(host.BaseUrl, "neighbour");

        await MedianAsync(neighbourShop, Samples); // warm-up
        var unloaded = await MedianAsync(neighbourShop, Samples);
        var baseline = ResidentMegabytes(host.ProcessId);

        using var stop = new CancellationTokenSource(duration);
        var peak = baseline;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentMegabytes(host.ProcessId));
                await Task.Delay(50);
            }
        });
        var answers = new int[600];
        var attackers = Enumerable.Range(0, HostileClients).Select(i => Task.Run(async () =>
        {
            using var shop = StorefrontClient.For(host.BaseUrl, "hostile");
            while (!stop.IsCancellationRequested)
            {
                using var response = await shop.GetAsync(i % 2 == 0 ? "/" : "/no-such-page");
                Interlocked.Increment(ref answers[(int)response.StatusCode]);
            }
        })).ToList();
        await Task.Delay(500);
        var loaded = await MedianAsync(neighbourShop, Samples);
        await Task.WhenAll(attackers.Append(sampler));

        Console.WriteLine($"  hostile answers: {string.Join(", ", answers.Select((n, status) => (n, status)).Where(a => a.n > 0).Select(a => $"{a.status}×{a.n}"))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"P2c theme-isolation: unloaded={unloaded:0.0}ms loaded={loaded:0.0}ms ratio={loaded / unloaded:0.00} rss_start={baseline:0}MB rss_max={peak:0}MB"));
        return 0;
    }

    private static async Task<string> AgencyAsync(HttpClient platform, string baseUrl, string slug)
    {
        var created = await BenchApi.SendAsync(platform, HttpMethod.Post, "/api/v1/agencies", new { name = slug, slug, ownerEmail = $"owner@{slug}.example" });
        return created.GetProperty("apiKey").GetString()!;
    }

    /// <summary>The median time of <paramref name="count"/> sequential page loads, in milliseconds; any non-200 throws.</summary>
    private static async Task<double> MedianAsync(HttpClient shop, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await shop.GetAsync("/");
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The neighbour's storefront answered {(int)response.StatusCode}.");
        }

        times.Sort();
        return times[count / 2];
    }

    private static double ResidentMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb ? double.Parse(kb, CultureInfo.InvariantCulture) / 1024 : 0;
}
