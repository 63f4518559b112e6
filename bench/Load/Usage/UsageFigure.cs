using System.Globalization;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// Figure P1: committed usage debits per second through the Storefront's HTTP API against the raw SQLite baseline, run
/// one after the other on the same disk, with the same warm-up and duration.
/// </summary>
public static class UsageFigure
{
    public static async Task<int> RunAsync(string dll, TimeSpan warmUp, TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("resellerkit-p1-").FullName;
        try
        {
            var (baseline, baselineOverdrafts) = await SqliteDebits.RunAsync(folder, warmUp, duration);
            Console.WriteLine($"  baseline: {Rate(baseline, duration)}/s, {baseline.Refused} refused, p99 {baseline.Percentile(0.99):0.0} ms, overdrafts {baselineOverdrafts}");

            var storefront = Directory.CreateDirectory(Path.Combine(folder, "storefront")).FullName;
            DebitTally http;
            int overdrafts, mismatches;
            HttpDebits debits;
            await using (var host = await StorefrontHost.StartAsync(dll, VolumeNode.Environment(), storefront))
            {
                debits = await HttpDebits.PrepareAsync(host);
                (http, overdrafts, mismatches) = await debits.RunAsync(warmUp, duration);
            }
            Console.WriteLine($"  resellerkit: {Rate(http, duration)}/s, {http.Refused} refused, p50 {http.Percentile(0.5):0.0} ms, " +
                $"{debits.Replays} retries replayed ({debits.BadReplays} with another transaction), {mismatches} balance mismatches");
            var verified = await HttpDebits.LedgerVerifyAsync(dll, storefront);

            var ratio = Rate(http, duration) / Math.Max(1, Rate(baseline, duration));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"P1 usage-debits-http: resellerkit={Rate(http, duration):0}/s baseline={Rate(baseline, duration):0}/s ratio={ratio:0.00} " +
                $"p99={http.Percentile(0.99):0.0}ms overdrafts={overdrafts}"));
            return verified && mismatches == 0 && debits.BadReplays == 0 && overdrafts == 0 && baselineOverdrafts == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Rate(DebitTally tally, TimeSpan duration) => tally.Debits / duration.TotalSeconds;
}
