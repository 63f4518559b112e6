using System.Globalization;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// Figure P1pg: P1's HTTP workload with the Storefront on PostgreSQL, against raw Npgsql single-transaction debits on
/// the same cluster (each side on a database of its own), one after the other, with the same warm-up and duration.
/// </summary>
public static class PostgresUsageFigure
{
    public static async Task<int> RunAsync(string dll, TimeSpan warmUp, TimeSpan duration, string adminConnectionString)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var baselineDb = await NpgsqlDebits.CreateDatabaseAsync(adminConnectionString, $"p1pg_baseline_{run}");
        var (baseline, baselineOverdrafts) = await NpgsqlDebits.RunAsync(baselineDb, warmUp, duration);
        Console.WriteLine($"  baseline: {Rate(baseline, duration)}/s, {baseline.Refused} refused, p99 {baseline.Percentile(0.99):0.0} ms, overdrafts {baselineOverdrafts}");

        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Engine"] = new Npgsql.NpgsqlConnectionStringBuilder(adminConnectionString) { Database = $"p1pg_resellerkit_{run}" }.ConnectionString,
        };
        var folder = Directory.CreateTempSubdirectory("resellerkit-p1pg-").FullName;
        try
        {
            DebitTally http;
            int overdrafts, mismatches;
            HttpDebits debits;
            await using (var host = await StorefrontHost.StartAsync(dll, VolumeNode.Environment(environment), folder))
            {
                debits = await HttpDebits.PrepareAsync(host);
                (http, overdrafts, mismatches) = await debits.RunAsync(warmUp, duration);
            }
            Console.WriteLine($"  resellerkit: {Rate(http, duration)}/s, {http.Refused} refused, p50 {http.Percentile(0.5):0.0} ms, " +
                $"{debits.Replays} retries replayed ({debits.BadReplays} with another transaction), {mismatches} balance mismatches");
            var verified = await HttpDebits.LedgerVerifyAsync(dll, folder, environment);

            var ratio = Rate(http, duration) / Math.Max(1, Rate(baseline, duration));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"P1pg usage-debits-http-postgres: resellerkit={Rate(http, duration):0}/s baseline={Rate(baseline, duration):0}/s ratio={ratio:0.00} " +
                $"p99={http.Percentile(0.99):0.0}ms"));
            return verified && mismatches == 0 && debits.BadReplays == 0 && overdrafts == 0 && baselineOverdrafts == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Rate(DebitTally tally, TimeSpan duration) => tally.Debits / duration.TotalSeconds;
}
