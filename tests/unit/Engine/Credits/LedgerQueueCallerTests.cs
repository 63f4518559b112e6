namespace ResellerKit.Tests.Unit.Engine.Credits;

using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// Where the ledger writer runs a caller's operation: in its own batch, unless the caller holds a database transaction
/// (then inline, in that transaction, since the writer could not get the database). The hot path no longer asks EF
/// about a caller's context that never began a transaction; these pin that the answer is still exact.
/// </summary>
public abstract class LedgerQueueCallerTests(EngineFixture engine)
{
    [Fact]
    public async Task RunAsync_CallerContextNeverUsed_RunsInTheWritersBatch()
    {
        await using var scope = engine.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();

        var ranWith = await Queue.RunAsync(db, scope.ServiceProvider, [], (services, _) => Task.FromResult(services), Ct);

        ranWith.ShouldNotBeSameAs(scope.ServiceProvider);
    }

    [Fact]
    public async Task RunAsync_CallerHoldsATransaction_RunsInlineInThatTransaction()
    {
        await using var scope = engine.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        await using var transaction = await WriteTransaction.BeginAsync(db, "a test caller's own transaction", Ct);

        var ranWith = await Queue.RunAsync(db, scope.ServiceProvider, [], (services, _) => Task.FromResult(services), Ct);

        ranWith.ShouldBeSameAs(scope.ServiceProvider);
    }

    [Fact]
    public async Task RunAsync_CallerCommittedItsTransactionBefore_RunsInTheWritersBatch()
    {
        await using var scope = engine.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        await using (var transaction = await WriteTransaction.BeginAsync(db, "a test caller's own transaction", Ct))
        {
            await transaction.CommitAsync(Ct);
        }

        var ranWith = await Queue.RunAsync(db, scope.ServiceProvider, [], (services, _) => Task.FromResult(services), Ct);

        ranWith.ShouldNotBeSameAs(scope.ServiceProvider);
    }

    private LedgerQueue Queue => engine.Services.GetRequiredService<LedgerQueue>();
}

public sealed class LedgerQueueCallerTestsOnSqlite(SqliteEngine engine) : LedgerQueueCallerTests(engine), IClassFixture<SqliteEngine>;

public sealed class LedgerQueueCallerTestsOnPostgres(PostgresEngine engine) : LedgerQueueCallerTests(engine), IClassFixture<PostgresEngine>;
