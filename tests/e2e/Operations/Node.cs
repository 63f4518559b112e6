using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>One Storefront node: its port, its management port (for /metrics), its folder, its process.</summary>
internal sealed record Node(int Port, int ManagementPort, string WorkDir)
{
    public string Url => $"http://127.0.0.1:{Port}";

    public StorefrontProcess? Process { get; set; }

    public Task<StorefrontProcess> StartAsync(Dictionary<string, string> shared) => StorefrontProcess.StartAsync(WorkDir,
        new Dictionary<string, string>(shared) { ["Metrics__Prometheus__Port"] = ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Port);

    public async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync($"http://127.0.0.1:{ManagementPort}/metrics", Ct);
    }
}
