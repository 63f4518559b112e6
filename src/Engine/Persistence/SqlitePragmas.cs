using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// Sets the pragmas on every SQLite connection: WAL (readers never block the writer), a busy timeout (writers queue
/// instead of failing), foreign keys on, and synchronous=FULL so that a committed debit survives a power cut.
/// They belong to the physical connection, which the pool hands out again and again: each gets them once. Each also
/// leaves its checkpoints to the file's <see cref="WalCheckpointer"/> (<see cref="WalCheckpoints"/>).
/// </summary>
internal sealed class SqlitePragmas(WalCheckpoints checkpoints) : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";

    // The native handles that have their pragmas; a handle closed by the pool drops out with its last reference.
    private static readonly ConditionalWeakTable<object, object> Applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
            Hook(connection);
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Hook(connection);
            Remember(connection);
        }
    }

    /// <summary>Gives <paramref name="connection"/> (open, its pragmas set) the file's checkpointer.</summary>
    public void Hook(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            checkpoints.Hook(sqlite);
        }
    }

    private static bool IsNew(DbConnection connection) => connection is not SqliteConnection { Handle: { } handle } || !Applied.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Applied.AddOrUpdate(handle, handle);
        }
    }
}
