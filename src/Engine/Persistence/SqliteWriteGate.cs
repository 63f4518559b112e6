using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// SQLite lets one writer at a time into a database file, and its busy handler makes the others poll with growing
/// sleeps: under a storm of concurrent debits a waiting writer can lose every poll until the busy timeout, and its
/// request fails with "database is locked". Write transactions on one file therefore queue here first, in this
/// process, so they take turns instead of polling; the busy timeout still covers other processes (the CLI commands).
/// Each turn remembers the operation holding it, so that a slow wait or a long hold names it in the log
/// (<see cref="SqliteLockWatch"/>).
/// </summary>
internal static class SqliteWriteGate
{
    /// <summary>As long as the busy timeout in <see cref="SqlitePragmas"/>: the wait a writer had before this gate.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, Gate> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database file's turn; null when the database is not SQLite.</summary>
    /// <param name="operation">What will write ("ManageTeam.InviteAsync", "POST /api/v1/campaigns"), for the log.</param>
    public static async Task<IDisposable?> EnterAsync(EngineDbContext db, string operation, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        var file = FileOf(db.Database.GetConnectionString());
        var gate = Gates.GetOrAdd(file, _ => new Gate());
        var watch = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteLockWatch>().FirstOrDefault();
        var slow = watch?.SlowAfter ?? MaxWait;
        var entered = await gate.Semaphore.WaitAsync(slow < MaxWait ? slow : MaxWait, ct);
        if (!entered)
        {
            watch?.WaitingForTurn(operation, file, slow, gate.Holder);
            entered = await gate.Semaphore.WaitAsync(MaxWait - slow, ct);
        }
        if (!entered)
        {
            throw new TimeoutException($"{operation} waited {MaxWait.TotalSeconds:F0} s for a turn to write to {Path.GetFileName(file)}"
                + (gate.Holder is { } holder ? $", which {holder.Operation} has held for {holder.Held.TotalSeconds:F1} s." : "."));
        }
        gate.Holder = new TurnHolder(operation, Stopwatch.GetTimestamp());
        return new Turn(gate, file, watch);
    }

    /// <summary>
    /// The operation that held the turn to write to the SQLite file of <paramref name="connectionString"/> at some time
    /// in the last <paramref name="within"/> (the one holding it now, else the last one if it let go meanwhile), if any.
    /// </summary>
    public static TurnHolder? HolderWithin(string? connectionString, TimeSpan within)
    {
        if (connectionString is null || !Gates.TryGetValue(FileOf(connectionString), out var gate))
        {
            return null;
        }
        return gate.Holder ?? (gate.Previous is { } previous && Stopwatch.GetElapsedTime(previous.Ended) <= within ? previous : null);
    }

    private static string FileOf(string? connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public volatile TurnHolder? Holder;

        public volatile TurnHolder? Previous;
    }

    private sealed class Turn(Gate gate, string file, SqliteLockWatch? watch) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                var holder = gate.Holder;
                if (holder is not null)
                {
                    holder.Ended = Stopwatch.GetTimestamp();
                    gate.Previous = holder;
                }
                gate.Holder = null;
                gate.Semaphore.Release();
                if (holder is not null)
                {
                    watch?.TurnEnded(holder, file);
                }
            }
        }
    }
}

/// <summary>An operation's turn to write to a SQLite file: since when, and when it ended (<see cref="Stopwatch"/> timestamps; 0 while held).</summary>
internal sealed class TurnHolder(string operation, long since)
{
    public string Operation { get; } = operation;

    public long Ended { get; set; }

    public TimeSpan Held => Ended == 0 ? Stopwatch.GetElapsedTime(since) : Stopwatch.GetElapsedTime(since, Ended);

    public override string ToString() => Ended == 0
        ? $"{Operation} has held the turn to write for {Held.TotalSeconds:F1} s"
        : $"{Operation} held the turn to write for {Held.TotalSeconds:F1} s meanwhile";
}
