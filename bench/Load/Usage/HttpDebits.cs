using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ResellerKit.Bench.BenchApi;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// The P1 ResellerKit side: the published Storefront on its SQLite defaults, 64 clients posting
/// <c>POST /api/v1/sub-accounts/{id}/usage</c> with a fresh Idempotency-Key each, over keep-alive connections. Every
/// 20th request of a client is a retry of its previous one (same key and body), which must answer the same transaction
/// and debit nothing. Afterwards every balance must equal granted minus acknowledged, and <c>ledger verify</c> must pass.
/// </summary>
public sealed class HttpDebits(HttpClient agency, IReadOnlyList<string> subAccounts)
{
    private long replays;
    private long badReplays;

    public static async Task<HttpDebits> PrepareAsync(StorefrontHost host)
    {
        var platform = Client(host.BaseUrl, StorefrontHost.PlatformKey);
        var created = await SendAsync(platform, HttpMethod.Post, "/api/v1/agencies",
            new { name = "Load Agency", slug = "load-" + Guid.NewGuid().ToString("N")[..8], ownerEmail = "owner@load.example" });
        var agency = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = DebitWorkload.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(host.BaseUrl),
            DefaultRequestHeaders = { Authorization = new("Bearer", created.GetProperty("apiKey").GetString()) },
            Timeout = TimeSpan.FromMinutes(2),
        };
        var ids = new List<string>();
        for (var w = 0; w < DebitWorkload.Wallets; w++)
        {
            var client = await SendAsync(agency, HttpMethod.Post, "/api/v1/sub-accounts",
                new { name = $"Client {w}", email = $"client{w}@load.example", creditMode = "reselling" });
            var id = client.GetProperty("id").GetString()!;
            await SendAsync(agency, HttpMethod.Post, $"/api/v1/sub-accounts/{id}/grants", new { credits = DebitWorkload.Granted(w), reason = "bench" });
            ids.Add(id);
        }
        return new HttpDebits(agency, ids);
    }

    public HttpClient Agency => agency;

    public IReadOnlyList<string> SubAccounts => subAccounts;

    public long Replays => Interlocked.Read(ref replays);

    public long BadReplays => Interlocked.Read(ref badReplays);

    public async Task<(DebitTally Tally, int Overdrafts, int Mismatches)> RunAsync(TimeSpan warmUp, TimeSpan duration)
    {
        var tally = new DebitTally();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, DebitWorkload.Clients).Select(c => Task.Run(() => ClientAsync(c, tally, stop.Token))).ToList();
        await Task.Delay(warmUp);
        tally.Measuring = true;
        await Task.Delay(duration);
        tally.Measuring = false;
        await stop.CancelAsync();
        await Task.WhenAll(clients); // every request in flight gets its answer, so the tally is complete

        var (overdrafts, mismatches) = await CheckAsync(tally);
        return (tally, overdrafts, mismatches);
    }

    /// <summary>Every wallet's balance against what <paramref name="tally"/> acknowledged: overdrafts, and money lost or doubled.</summary>
    public async Task<(int Overdrafts, int Mismatches)> CheckAsync(DebitTally tally)
    {
        var balances = new long[DebitWorkload.Wallets];
        for (var w = 0; w < DebitWorkload.Wallets; w++)
        {
            balances[w] = (await SendAsync(agency, HttpMethod.Get, $"/api/v1/sub-accounts/{subAccounts[w]}/balance")).GetProperty("balance").GetInt64();
        }
        var mismatches = tally.Mismatches(w => balances[w]).ToList();
        foreach (var mismatch in mismatches) Console.WriteLine("  resellerkit MISMATCH " + mismatch);
        return (tally.Overdrafts(w => balances[w]), mismatches.Count);
    }

    private async Task ClientAsync(int client, DebitTally tally, CancellationToken stop)
    {
        var wallet = DebitWorkload.WalletOf(client);
        var path = $"/api/v1/sub-accounts/{subAccounts[wallet]}/usage";
        (string? Key, long Credits, string? Transaction) previous = default;
        for (long n = 0; !stop.IsCancellationRequested; n++)
        {
            var retry = n % 20 == 19 && previous.Transaction is not null;
            var (key, credits) = retry ? (previous.Key!, previous.Credits) : ($"load-{client}-{n}-{Guid.NewGuid():N}", DebitWorkload.CreditsOf(client, n));
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = JsonContent.Create(new { credits, description = "AI replies", campaignId = "load" }),
                Headers = { { "Idempotency-Key", key } },
            };
            var started = Stopwatch.GetTimestamp();
            using var response = await agency.SendAsync(request, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created when retry:
                    Interlocked.Increment(ref replays);
                    if (TransactionOf(body) != previous.Transaction) Interlocked.Increment(ref badReplays);
                    break;
                case HttpStatusCode.Created:
                    tally.Debited(wallet, credits, ms);
                    previous = (key, credits, TransactionOf(body));
                    break;
                case HttpStatusCode.PaymentRequired:
                    tally.Refusal(ms);
                    previous = default;
                    break;
                default:
                    throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {body}");
            }
        }
    }

    private static string? TransactionOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("transactionId").GetString();

    /// <summary>Runs <c>ledger verify</c> on the Storefront's database (the Storefront must be stopped first).</summary>
    public static async Task<bool> LedgerVerifyAsync(string dll, string folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "ledger", "verify" }) info.ArgumentList.Add(arg);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ResellerKit__PlatformApiKey"] = StorefrontHost.PlatformKey;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        foreach (var line in output.Split('\n').Where(l => l.StartsWith("ledger verify", StringComparison.Ordinal))) Console.WriteLine("  " + line.TrimEnd());
        return process.ExitCode == 0;
    }
}
