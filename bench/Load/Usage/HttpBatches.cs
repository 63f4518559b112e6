using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// The P1b ResellerKit side: <see cref="BatchWorkload.Clients"/> clients posting <c>POST /api/v1/usage/batch</c> with
/// <see cref="BatchWorkload.Size"/> events each, with fresh event ids. Every 20th batch of a client is a retry of its
/// previous one, which must answer every event <c>duplicate</c> with its first transaction and debit nothing.
/// </summary>
public sealed class HttpBatches(HttpClient agency, IReadOnlyList<string> subAccounts)
{
    private long replays;
    private long badReplays;

    public long Replays => Interlocked.Read(ref replays);

    public long BadReplays => Interlocked.Read(ref badReplays);

    public async Task<DebitTally> RunAsync(TimeSpan warmUp, TimeSpan duration)
    {
        var tally = new DebitTally();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, BatchWorkload.Clients).Select(c => Task.Run(() => ClientAsync(c, tally, stop.Token))).ToList();
        await Task.Delay(warmUp);
        tally.Measuring = true;
        await Task.Delay(duration);
        tally.Measuring = false;
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        return tally;
    }

    private async Task ClientAsync(int client, DebitTally tally, CancellationToken stop)
    {
        (object Body, string[] Transactions)? previous = null;
        for (long batch = 0, n = 0; !stop.IsCancellationRequested; batch++)
        {
            var retry = batch % 20 == 19 && previous is not null;
            var events = retry ? null : Enumerable.Range(0, BatchWorkload.Size).Select(i => n + i).Select(e => new
            {
                id = $"load-{client}-{e}-{Guid.NewGuid():N}",
                subAccountId = subAccounts[BatchWorkload.WalletOf(client, e)],
                credits = DebitWorkload.CreditsOf(client, e),
                description = "AI replies",
                campaignId = "load",
            }).ToList();
            var body = retry ? previous!.Value.Body : new { events };
            var started = Stopwatch.GetTimestamp();
            using var response = await agency.PostAsJsonAsync("/api/v1/usage/batch", body, CancellationToken.None);
            var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"POST /api/v1/usage/batch answered {(int)response.StatusCode}: {text}");
            var results = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ToList();
            var transactions = results.Select(r => r.TryGetProperty("transactionId", out var t) ? t.GetString() ?? "" : "").ToArray();
            if (retry)
            {
                Interlocked.Increment(ref replays);
                if (results.Any(r => r.GetProperty("status").GetString() == "applied") || !transactions.SequenceEqual(previous!.Value.Transactions))
                    Interlocked.Increment(ref badReplays);
                continue;
            }
            for (var i = 0; i < results.Count; i++)
            {
                var e = n + i;
                if (results[i].GetProperty("status").GetString() == "applied") tally.Debited(BatchWorkload.WalletOf(client, e), DebitWorkload.CreditsOf(client, e), ms);
                else tally.Refusal(ms);
            }
            previous = (body, transactions);
            n += BatchWorkload.Size;
        }
    }
}
