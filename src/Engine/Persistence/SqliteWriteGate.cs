using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// SQLite lets one writer at a time into a database file, and its busy handler makes the others poll with growing
/// sleeps: under a storm of concurrent debits a waiting writer can lose every poll until the busy timeout, and its
/// request fails with "database is locked". Write transactions on one file therefore queue here first, in this
/// process, so they take turns instead of polling; the busy timeout still covers other processes (the CLI commands).
/// </summary>
internal static class SqliteWriteGate
{
    /// <summary>As long as the busy timeout in <see cref="SqlitePragmas"/>: the wait a writer had before this gate.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database file's turn; null when the database is not SQLite.</summary>
    public static async Task<IDisposable?> EnterAsync(EngineDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        var gate = Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(MaxWait, ct))
        {
            throw new TimeoutException($"Waited {MaxWait.TotalSeconds:F0} s for a turn to write to {Path.GetFileName(file)}.");
        }
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
