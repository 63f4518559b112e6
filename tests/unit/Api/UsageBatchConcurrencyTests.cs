using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>Concurrent batches whose event ids overlap: every id applies once, on SQLite and on PostgreSQL.</summary>
public abstract class UsageBatchConcurrencyTests(ApiFixture api)
{
    [Fact]
    public async Task Batch_20ConcurrentBatchesWithOverlappingIds_ApplyEachIdOnceWithAnExactPoolAndACleanLedger()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100_000);
        var subAccounts = new[] { await agency.CreateSubAccountAsync(), await agency.CreateSubAccountAsync() };
        // Batch b holds ids b*10 .. b*10+29: each id appears in up to three batches, always with the same debit.
        BatchEvent Event(int id) => new($"ev-{id}", subAccounts[id % 2], 1 + (id % 7));
        var batches = Enumerable.Range(0, 20).Select(b => Enumerable.Range(b * 10, 30).Select(Event).ToList()).ToList();

        var answers = await Task.WhenAll(batches.Select(async batch => await (await agency.Client.PostBatchAsync(batch)).ResultsAsync()));

        var all = answers.SelectMany(a => a).ToList();
        all.ShouldAllBe(r => r.Status() == "applied" || r.Status() == "duplicate");
        var byId = all.GroupBy(r => r.GetProperty("id").GetString()!).ToList();
        byId.Count.ShouldBe(220);
        byId.ShouldAllBe(g => g.Count(r => r.Status() == "applied") == 1, "each id applies exactly once");
        byId.ShouldAllBe(g => g.Select(r => r.Transaction()).Distinct().Count() == 1, "duplicates carry the first transaction");
        var spent = Enumerable.Range(0, 220).Sum(id => Event(id).Credits);
        (await agency.PoolBalanceAsync()).ShouldBe(100_000 - spent);
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }
}

public sealed class UsageBatchConcurrencyTestsOnSqlite(SqliteApi api) : UsageBatchConcurrencyTests(api), IClassFixture<SqliteApi>;

public sealed class UsageBatchConcurrencyTestsOnPostgres(PostgresApi api) : UsageBatchConcurrencyTests(api), IClassFixture<PostgresApi>;
