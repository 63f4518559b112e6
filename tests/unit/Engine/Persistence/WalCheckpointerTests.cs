namespace ResellerKit.Tests.Unit.Engine.Persistence;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// On SQLite the WAL is copied into the database file by a checkpointer of its own, off the ledger writer's thread. What
/// an operator sees: the WAL file stays near its threshold under a stream of writes, is emptied once writes stop, and
/// is empty when the node stops, with every write the ledger answered in the database file itself.
/// </summary>
public sealed class WalCheckpointerTests : IAsyncLifetime
{
    private const int CheckpointPages = 50;

    private readonly CategoryLog log = new(typeof(WalCheckpointer).FullName!);
    private TestDatabase? database;
    private ServiceProvider? services;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var options = database.Options;
        options.CheckpointPages = CheckpointPages;
        var collection = new ServiceCollection().AddLogging(b => b.AddProvider(log)).AddEngine(options);
        collection.AddDataProtection();
        collection.AddSingleton(TimeProvider.System);
        services = collection.BuildServiceProvider();
        await WriteAsync("CREATE TABLE filler (payload BLOB NOT NULL)");
    }

    [Fact]
    public async Task Checkpointer_UnderAStreamOfWrites_KeepsTheWalBoundedAndEmptiesItWhenWritesStop()
    {
        long largest = 0;
        for (var i = 0; i < 600; i++)
        {
            await WriteAsync("INSERT INTO filler (payload) VALUES (randomblob(16000))");
            largest = Math.Max(largest, WalLength());
        }

        // The writer checkpoints itself past 8 × 50 pages at the latest; SQLite alone let it reach 1000 pages (4 MB).
        largest.ShouldBeLessThan(2L * 8 * CheckpointPages * 4120);
        (await WalEmptiedAsync()).ShouldBeTrue("the WAL was not truncated once writes stopped");
    }

    [Fact]
    public async Task Checkpointer_UnderAStreamOfWrites_ReadsEachCheckpointsOutcomeWithoutAWarning()
    {
        for (var i = 0; i < 300; i++)
        {
            await WriteAsync("INSERT INTO filler (payload) VALUES (randomblob(16000))");
        }

        // The quiet truncation runs on the checkpointer's thread too, so by then it has checkpointed at least once.
        (await WalEmptiedAsync()).ShouldBeTrue("the WAL was not truncated once writes stopped");
        log.Warnings().ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispose_AfterWrites_LeavesTheWalEmptyWithEveryWriteInTheDatabaseFile()
    {
        for (var i = 0; i < 120; i++)
        {
            await WriteAsync("INSERT INTO filler (payload) VALUES (randomblob(3000))");
        }

        await services!.DisposeAsync();

        WalLength().ShouldBe(0);
        var copy = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.db"); // the database file alone, without its WAL
        File.Copy(DatabaseFile, copy);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync(Ct);
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM filler";
            Convert.ToInt32(await count.ExecuteScalarAsync(Ct)).ShouldBe(120);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private string DatabaseFile => new SqliteConnectionStringBuilder(database!.ConnectionString).DataSource;

    private long WalLength() => File.Exists(DatabaseFile + "-wal") ? new FileInfo(DatabaseFile + "-wal").Length : 0;

    private async Task<bool> WalEmptiedAsync()
    {
        for (var waited = 0; waited < 200; waited++)
        {
            if (WalLength() == 0) return true;
            await Task.Delay(100, Ct);
        }
        return false;
    }

    // One write through the ledger writer, answered once committed, as a debit is.
    private Task<int> WriteAsync(string sql) =>
        services!.GetRequiredService<LedgerQueue>().RunAsync(null, services!, [], (scope, ct) =>
            scope.GetRequiredService<EngineDbContext>().Database.ExecuteSqlRawAsync(sql, ct), Ct);

    public async ValueTask DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }
}
