using System.Globalization;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// Figure P1b: usage events applied per second through <c>POST /api/v1/usage/batch</c> against a raw SQLite loop that
/// applies the same events in batches of the same size, one transaction per batch, on the same disk, one after the other.
/// </summary>
public static class BatchFigure
{
    public static async Task<int> RunAsync(string dll, TimeSpan warmUp, TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("resellerkit-p1b-").FullName;
        try
        {
            var (baseline, baselineOverdrafts) = await SqliteDebits.RunAsync(folder, warmUp, duration, BatchWorkload.Clients, BatchWorkload.Size, BatchWorkload.WalletOf);
            Console.WriteLine($"  baseline: {Rate(baseline, duration)}/s, {baseline.Refused} refused, overdrafts {baselineOverdrafts}");

            var storefront = Directory.CreateDirectory(Path.Combine(folder, "storefront")).FullName;
            DebitTally http;
            int overdrafts, mismatches;
            HttpBatches batches;
            await using (var host = await StorefrontHost.StartAsync(dll, VolumeNode.Environment(), storefront))
            {
                var debits = await HttpDebits.PrepareAsync(host);
                batches = new HttpBatches(debits.Agency, debits.SubAccounts);
                http = await batches.RunAsync(warmUp, duration);
                (overdrafts, mismatches) = await debits.CheckAsync(http);
            }
            Console.WriteLine($"  resellerkit: {Rate(http, duration)}/s, {http.Refused} refused, batch p50 {http.Percentile(0.5):0.0} ms, " +
                $"{batches.Replays} batches retried ({batches.BadReplays} not answered as duplicates of the first), {mismatches} balance mismatches");
            var verified = await HttpDebits.LedgerVerifyAsync(dll, storefront);

            var ratio = Rate(http, duration) / Math.Max(1, Rate(baseline, duration));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"P1b usage-batch-http: resellerkit={Rate(http, duration):0}/s baseline={Rate(baseline, duration):0}/s ratio={ratio:0.00}"));
            return verified && mismatches == 0 && batches.BadReplays == 0 && overdrafts == 0 && baselineOverdrafts == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Rate(DebitTally tally, TimeSpan duration) => tally.Debits / duration.TotalSeconds;
}
