using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// Randomized concurrent money operations (<see cref="Storm"/>; <c>RESELLERKIT_RELIABILITY_OPS</c>, default 100 000),
/// then every promise checked against the database (<see cref="StormChecks"/>), on SQLite and on PostgreSQL.
/// </summary>
public abstract class LedgerStormTests(ApiFixture api)
{
    [Fact]
    public async Task Storm_OfRandomConcurrentOperations_LeavesAVerifiedLedgerWithEveryKeyAppliedAtMostOnce()
    {
        var size = StormSize.FromEnvironment();
        var world = await StormWorld.BuildAsync(api);
        var before = await StormChecks.LastSequenceAsync(api);
        var storm = new Storm(api, world, size);

        var elapsed = await storm.RunAsync();
        var problems = await new StormChecks(api, world, storm.Journal, before).RunAsync();

        var report = $"{api.Provider}: {size} in {elapsed.TotalSeconds:F0} s ({size.Operations / elapsed.TotalSeconds:F0}/s): {storm.Journal.Summary()}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        storm.Journal.Failures.ShouldBeEmpty(report);
        problems.ShouldBeEmpty(report);
        storm.Journal.Posted.Count.ShouldBeGreaterThan(size.Operations / 2, report);
    }
}

public sealed class LedgerStormTestsOnSqlite(StormSqliteApi api) : LedgerStormTests(api), IClassFixture<StormSqliteApi>;

public sealed class LedgerStormTestsOnPostgres(PostgresApi api) : LedgerStormTests(api), IClassFixture<PostgresApi>;
