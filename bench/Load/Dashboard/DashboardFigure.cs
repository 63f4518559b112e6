using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Reports;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Bench.Load.Dashboard;

/// <summary>
/// Figure P5: the agency dashboard (DashboardQueries.AgencyAsync, what the back office's home page calls) over one
/// agency with 1M usage transactions (2M entries) spread over a year, on a SQLite file, with the engine's rollups caught
/// up as its background job keeps them. The 12-month view reads every row's period. Median of warm runs.
/// </summary>
public static class DashboardFigure
{
    public const int Rows = 1_000_000;
    private const int SubAccounts = 20;

    public static async Task<int> RunAsync(int runs)
    {
        var folder = Directory.CreateTempSubdirectory("resellerkit-p5-").FullName;
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "dashboard.db")}" };
        var collection = new ServiceCollection().AddLogging().AddEngine(database);
        collection.AddDataProtection();
        try
        {
            await using var services = collection.BuildServiceProvider();
            await InScopeAsync(services, s => s.GetRequiredService<EngineDbContext>().Database.MigrateAsync());
            var agency = await SetUpAgencyAsync(services);

            var clock = Stopwatch.StartNew();
            LedgerSeeder.Seed(database.ConnectionString, agency.Value, Rows);
            Console.WriteLine($"  seeded {Rows:N0} usage transactions in {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
            await InScopeAsync(services, s => s.GetRequiredService<LedgerRollup>().RunUntilCaughtUpAsync(CancellationToken.None));
            Console.WriteLine($"  rolled up in {clock.Elapsed.TotalSeconds:0.0} s");
            var report = await InScopeAsync(services, s => s.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None));
            Console.WriteLine($"  ledger verify: {report.Transactions} transactions, {report.Entries} entries, {(report.IsClean ? "clean" : string.Join("; ", report.Problems))}");

            var period = ReportPeriod.Default(Granularity.Month, DateOnly.FromDateTime(DateTime.UtcNow));
            var times = new List<double>();
            long used = 0;
            for (var run = -2; run < runs; run++) // two warm-up runs
            {
                clock.Restart();
                var dashboard = await InScopeAsync(services, s => s.GetRequiredService<DashboardQueries>().AgencyAsync(agency, period, CancellationToken.None));
                if (run >= 0) times.Add(clock.Elapsed.TotalMilliseconds);
                used = dashboard.UsedCredits;
            }
            times.Sort();
            Console.WriteLine($"  {times.Count} runs: min {times[0]:0.0} ms, max {times[^1]:0.0} ms; {used:N0} credits used in the 12 months shown");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P5 dashboard-1M: {times[times.Count / 2]:0}ms"));
            return report.IsClean ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<AgencyId> SetUpAgencyAsync(IServiceProvider services)
    {
        var created = await InScopeAsync(services, s => s.GetRequiredService<CreateAgency>()
            .HandleAsync(new CreateAgencyCommand("Dashboard Agency", "dashboard", "owner@dashboard.example"), CancellationToken.None));
        var agency = created.Value.Agency.Id;
        for (var i = 0; i < SubAccounts; i++)
        {
            var sub = await InScopeAsync(services, s => s.GetRequiredService<CreateSubAccount>().HandleAsync(
                agency, new CreateSubAccountCommand($"Client {i}", $"client{i}@dashboard.example", CreditMode.Reselling), Actor.System, CancellationToken.None));
            var granted = await InScopeAsync(services, s => s.GetRequiredService<GrantSubAccountCredits>().HandleAsync(
                Tenant.Of(agency), sub.Value.SubAccount.Id, new GrantCommand(new Credits(1_000_000_000), "bench"), Actor.System, null, CancellationToken.None));
            if (!granted.IsSuccess) throw new InvalidOperationException("The grant failed: " + granted.Error);
        }
        return agency;
    }

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task InScopeAsync(IServiceProvider services, Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
