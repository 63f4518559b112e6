using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Engine.Persistence;

/// <summary>
/// A write that waits long for SQLite's one write lock says in the log who held it (the e2e walk once hung 30 s on
/// accepting an invitation and its server log could not say why): a writer waiting for its turn, the turn held past
/// the limit, and a plain write (no turn of its own) that polled the lock, each name the operation holding it.
/// </summary>
public sealed class SqliteLockWatchTests : IAsyncLifetime
{
    private static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(900);

    private readonly CategoryLog log = new(typeof(EngineDbContext).Namespace + ".SqliteLockWatch");
    private TestDatabase? database;
    private ServiceProvider? services;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var options = database.Options;
        options.SlowWrite = TimeSpan.FromMilliseconds(300);
        var collection = new ServiceCollection()
            .AddLogging(b => b.AddProvider(log))
            .AddEngine(options);
        collection.AddDataProtection();
        collection.AddSingleton(TimeProvider.System);
        services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Database.MigrateAsync(Ct);
    }

    [Fact]
    public async Task InTransactionAsync_WhileAnotherHoldsTheWriteTurnPastTheLimit_LogsTheWaitAndTheHoldNamingTheHolder()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = HoldTheWriteLockAsync(held);
        await held.Task;

        await WriteInTurnAsync();
        await holding;

        Warnings().ShouldContain(m => m.Contains("SqliteLockWatchTests.WriteInTurnAsync has waited", StringComparison.Ordinal)
            && m.Contains("SqliteLockWatchTests.HoldTheWriteLockAsync has held the turn to write", StringComparison.Ordinal));
        Warnings().ShouldContain(m => m.StartsWith("SqliteLockWatchTests.HoldTheWriteLockAsync held the turn to write to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlainWrite_BlockedByAWriteTransactionPastTheLimit_LogsTheSlowCommandNamingTheHolder()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = HoldTheWriteLockAsync(held);
        await held.Task;

        await WriteWithoutATurnAsync(); // as Identity's stores do: SaveChanges, polling SQLite's lock
        await holding;

        Warnings().ShouldContain(m => m.StartsWith("A database command took", StringComparison.Ordinal)
            && m.Contains("SqliteLockWatchTests.HoldTheWriteLockAsync held the turn to write", StringComparison.Ordinal)
            && m.Contains("rollup_probe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SandboxSaveAsync_WhileAnotherHoldsTheWriteTurn_WaitsForItsTurnInsteadOfPollingTheLock()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = HoldTheWriteLockAsync(held);
        await held.Task;

        await using (var scope = services!.CreateAsyncScope())
        {
            var store = new SandboxStore(scope.ServiceProvider.GetRequiredService<EngineDbContext>(), new SandboxQueries(), TimeProvider.System);
            store.Add("customer", new JsonObject { ["id"] = "cus_" + Guid.NewGuid().ToString("N"), ["object"] = "customer" });
            await store.SaveAsync(Ct); // a Pay press's save: it met ledger batches holding the lock, and slept in SQLite's busy handler
        }
        await holding;

        Warnings().ShouldContain(m => m.StartsWith("SandboxStore.SaveAsync has waited", StringComparison.Ordinal)
            && m.Contains("SqliteLockWatchTests.HoldTheWriteLockAsync has held the turn to write", StringComparison.Ordinal));
        Warnings().ShouldNotContain(m => m.StartsWith("A database command took", StringComparison.Ordinal), "no write polled the lock");
    }

    [Fact]
    public async Task OutboxMarkNowAsync_WhileAnotherHoldsTheWriteTurn_WaitsForItsTurnInsteadOfPollingTheLock()
    {
        var completions = new OutboxCompletions(services!.GetRequiredService<IServiceScopeFactory>(), "test-node", TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, _ => { });
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = HoldTheWriteLockAsync(held);
        await held.Task;

        await completions.MarkNowAsync(1); // the outbox's completion marks, written while webhooks are granted
        await holding;

        Warnings().ShouldContain(m => m.StartsWith("OutboxCompletions.MarkAsync has waited", StringComparison.Ordinal)
            && m.Contains("SqliteLockWatchTests.HoldTheWriteLockAsync has held the turn to write", StringComparison.Ordinal));
        Warnings().ShouldNotContain(m => m.StartsWith("A database command took", StringComparison.Ordinal), "no write polled the lock");
    }

    [Fact]
    public async Task WriteTransaction_Committed_GivesItsTurnBackBeforeItIsDisposed()
    {
        await using var scope = services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        await using var transaction = await WriteTransaction.BeginAsync(db, "committed, not yet disposed", Ct);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS rollup_probe (n INTEGER)", Ct);
        await transaction.CommitAsync(Ct);

        // What runs after the commit (a call to the sandbox on this node, which writes in its own turn) is not kept
        // waiting by the committed transaction's turn; before, it waited until the dispose, here forever.
        var other = WriteInTurnAsync();
        var first = await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(10), Ct));

        first.ShouldBe(other, "the other write had its turn while the committed transaction was still in scope");
        await other;
    }

    private async Task HoldTheWriteLockAsync(TaskCompletionSource held)
    {
        await using var scope = services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var result = await db.InTransactionAsync<Done>(async token =>
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS rollup_probe (n INTEGER)", token);
            held.SetResult();
            await Task.Delay(Hold, token);
            return Done.Value;
        }, Ct);
        result.IsSuccess.ShouldBeTrue();
    }

    private async Task WriteInTurnAsync()
    {
        await using var scope = services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var result = await db.InTransactionAsync<Done>(async token =>
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS rollup_probe (n INTEGER)", token);
            return Done.Value;
        }, Ct);
        result.IsSuccess.ShouldBeTrue();
    }

    private async Task WriteWithoutATurnAsync()
    {
        await using var scope = services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS rollup_probe (n INTEGER); INSERT INTO rollup_probe VALUES (1)", Ct);
    }

    private List<string> Warnings() => log.Warnings();

    public async ValueTask DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }
}
