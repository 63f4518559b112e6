namespace ResellerKit.Tests.Unit.Engine.Credits;

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// The ledger writer's connection. On SQLite it keeps one open from batch to batch (so each statement is compiled once),
/// with its temporary store in memory (a batch's savepoint journal); a batch that fails takes it down with it, and the
/// next batch opens a new one and commits as before.
/// </summary>
public abstract class LedgerWriterConnectionTests(EngineFixture engine)
{
    [Fact]
    public async Task RunAsync_BatchAfterOneThatLostItsConnection_Commits()
    {
        var lost = Queue.RunAsync(null, engine.Services, [], async (services, ct) =>
        {
            await Connection(services).CloseAsync(); // the batch's transaction goes with it: its commit fails
            return 0;
        }, Ct);
        await Should.ThrowAsync<LedgerBusyException>(lost);

        var read = await Queue.RunAsync(null, engine.Services, [], (services, ct) =>
            services.GetRequiredService<EngineDbContext>().Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(ct), Ct);

        read.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_TwoBatches_LeaseOneDbContextThatStartsEachBatchEmpty()
    {
        var first = await Queue.RunAsync(null, engine.Services, [], (services, _) =>
        {
            var db = services.GetRequiredService<EngineDbContext>();
            db.Add(Agency.Create("Left unsaved", $"unsaved-{Guid.NewGuid():N}"[..20], "owner@unsaved.example", DateTimeOffset.UtcNow).Agency);
            return Task.FromResult(db);
        }, Ct);
        var (second, tracked) = await Queue.RunAsync(null, engine.Services, [], (services, _) =>
        {
            var db = services.GetRequiredService<EngineDbContext>();
            return Task.FromResult((db, db.ChangeTracker.Entries().Count()));
        }, Ct);

        second.ShouldBeSameAs(first); // its services are set up once, not once per batch
        tracked.ShouldBe(0);
    }

    protected IServiceProvider Services => engine.Services;

    protected LedgerQueue Queue => engine.Services.GetRequiredService<LedgerQueue>();

    protected static DbConnection Connection(IServiceProvider services) => services.GetRequiredService<EngineDbContext>().Database.GetDbConnection();
}

public sealed class LedgerWriterConnectionTestsOnSqlite(SqliteEngine engine) : LedgerWriterConnectionTests(engine), IClassFixture<SqliteEngine>
{
    [Fact]
    public async Task RunAsync_TwoBatchesOnSqlite_ShareTheWritersConnectionWithItsTempStoreInMemory()
    {
        var first = await Queue.RunAsync(null, Services, [], (services, _) => Task.FromResult(Connection(services)), Ct);
        var (second, tempStore) = await Queue.RunAsync(null, Services, [], async (services, ct) =>
        {
            await using var command = Connection(services).CreateCommand();
            command.Transaction = services.GetRequiredService<EngineDbContext>().Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = "PRAGMA temp_store";
            return (Connection(services), Convert.ToInt32(await command.ExecuteScalarAsync(ct)));
        }, Ct);

        second.ShouldBeSameAs(first);
        tempStore.ShouldBe(2); // MEMORY
    }
}

public sealed class LedgerWriterConnectionTestsOnPostgres(PostgresEngine engine) : LedgerWriterConnectionTests(engine), IClassFixture<PostgresEngine>;
