using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// The ledger writer's own SQLite connection, kept open from one batch to the next and lent to each batch's
/// DbContext. SQLite compiles a statement per command, and a command lives as long as its connection: on a pooled
/// connection each batch compiled its dozen statements again (a multi-row INSERT, the reads of the keys, the facts,
/// the wallets and lots). On this one <see cref="RawSql"/> keeps its commands, so each is compiled once. Its temporary
/// store is in memory: the savepoint of a batch copies every page it changes into a sub-journal, which otherwise
/// spills to a temporary file past 64 KiB. Its checkpoints run on the file's <see cref="WalCheckpointer"/>, off this
/// thread. PostgreSQL and SQL Server keep their own pooled connections.
/// </summary>
internal sealed class WriterConnection : IDisposable
{
    private SqliteConnection? connection;

    /// <summary>Gives <paramref name="db"/> (not opened yet) the writer's connection, opening it the first time.</summary>
    public async Task LendAsync(EngineDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        if (connection is null)
        {
            var opened = new SqliteConnection(db.Database.GetConnectionString());
            await opened.OpenAsync(ct);
            await using (var pragmas = opened.CreateCommand())
            {
                pragmas.CommandText = SqlitePragmas.Sql + " PRAGMA temp_store=MEMORY;";
                await pragmas.ExecuteNonQueryAsync(ct);
            }
            db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqlitePragmas>().FirstOrDefault()?.Hook(opened);
            RawSql.KeepCommands(opened);
            connection = opened;
        }
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
    }

    /// <summary>Closes the connection (after a batch that failed, whatever state it left): the next batch opens a new one.</summary>
    public void Dispose()
    {
        if (connection is null) return;
        RawSql.ForgetCommands(connection);
        connection.Dispose();
        connection = null;
    }
}
