using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// Copies a SQLite file's WAL into the database file on a thread and connection of its own. SQLite's automatic
/// checkpoint ran inside the COMMIT that crossed 1000 WAL pages, on the ledger writer's thread: it copied the pages,
/// fsynced the database file, and every queued debit waited meanwhile. Now each commit only reports the WAL's length
/// (<see cref="WalHook"/>); past <see cref="DatabaseOptions.CheckpointPages"/> not yet copied, this thread wakes and runs
/// a PASSIVE checkpoint, which never waits for the writer or the readers, at most once per <see cref="Spacing"/>. When no commit came for <see cref="QuietAfter"/>, it
/// truncates the WAL (if no one is using it at that moment), and it truncates it once more when the node stops.
/// Safety net: if it falls behind (or has stopped) and the WAL reaches <see cref="WriterTakesOver"/> times the
/// threshold, the committing connection checkpoints itself, as SQLite did. Durability is untouched: a commit is
/// durable in the WAL (synchronous=FULL) before any checkpoint.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    public static readonly TimeSpan QuietAfter = TimeSpan.FromSeconds(2);

    public const int WriterTakesOver = 8;

    /// <summary>The least time between two checkpoints: a page changed many times meanwhile is copied (and synced) once.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(250);

    private readonly string connectionString;
    private readonly int pages;
    private readonly ILogger logger;
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly ManualResetEventSlim stopping = new();
    private readonly Thread thread;
    private readonly GCHandle self;
    private int signalled;
    private int wroteSinceTruncate;
    private int backfilled;
    private volatile bool stopped;

    public WalCheckpointer(string connectionString, int pages, ILogger logger)
    {
        this.connectionString = connectionString;
        this.pages = Math.Max(1, pages);
        this.logger = logger;
        // Never freed: a connection may keep the hook (and this pointer) for as long as the pool keeps it open.
        self = GCHandle.Alloc(this);
        thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" };
        thread.Start();
    }

    /// <summary>What the WAL hook passes back to <see cref="From"/>.</summary>
    public IntPtr Pointer => GCHandle.ToIntPtr(self);

    public static WalCheckpointer From(IntPtr pointer) => (WalCheckpointer)GCHandle.FromIntPtr(pointer).Target!;

    /// <summary>Called on the committing thread with the WAL's length in pages: wakes the checkpointer, does no I/O.</summary>
    public void Committed(IntPtr db, IntPtr schema, int frames)
    {
        if (Volatile.Read(ref wroteSinceTruncate) == 0) Volatile.Write(ref wroteSinceTruncate, 1);
        var copied = Volatile.Read(ref backfilled);
        if (frames < copied)
        {
            copied = 0; // the WAL started again from its beginning
            Volatile.Write(ref backfilled, 0);
        }
        if (frames - copied < pages) return;
        if (stopped || frames >= pages * WriterTakesOver)
        {
            Volatile.Write(ref backfilled, Math.Max(0, WalHook.CheckpointHere(db, schema)));
            return;
        }
        if (Interlocked.Exchange(ref signalled, 1) == 0) wake.Release();
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        while (!stopped)
        {
            var woken = wake.Wait(QuietAfter);
            if (stopped) break;
            Interlocked.Exchange(ref signalled, 0);
            var truncate = !woken && Interlocked.Exchange(ref wroteSinceTruncate, 0) == 1;
            if (!woken && !truncate) continue;
            var done = Checkpoint(ref connection, truncate ? "TRUNCATE" : "PASSIVE");
            if (!truncate) stopping.Wait(Spacing);
            if (!done && truncate)
            {
                Volatile.Write(ref wroteSinceTruncate, 1); // a reader or a writer was in: try again at the next quiet moment
            }
        }
        // The node stops: the writers are done, so wait for the last readers a little and leave the WAL empty.
        Checkpoint(ref connection, "TRUNCATE", waitMilliseconds: 5000);
        connection?.Dispose();
    }

    /// <summary>Runs one checkpoint; false when SQLite answered that it could not finish it (busy).</summary>
    private bool Checkpoint(ref SqliteConnection? connection, string mode, int waitMilliseconds = 0)
    {
        try
        {
            connection ??= Open();
            using (var timeout = connection.CreateCommand())
            {
                // Its own command: this pragma answers a row too, which a reader of both would read as the checkpoint's.
                timeout.CommandText = $"PRAGMA busy_timeout={waitMilliseconds};";
                timeout.ExecuteNonQuery();
            }
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode});";
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return true;
            Volatile.Write(ref backfilled, Math.Max(0, reader.GetInt32(2)));
            return reader.GetInt32(0) == 0;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A {Mode} checkpoint of the SQLite WAL failed; the next commit past the threshold tries again", mode);
            connection?.Dispose();
            connection = null;
            return false;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqlitePragmas.Sql; // synchronous=FULL: the checkpoint fsyncs the WAL, then the database file
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Stops the thread after a last checkpoint; commits from now on checkpoint themselves past the threshold.</summary>
    public void Dispose()
    {
        if (stopped) return;
        stopped = true;
        stopping.Set();
        if (Interlocked.Exchange(ref signalled, 1) == 0) wake.Release();
        thread.Join(TimeSpan.FromSeconds(30));
    }
}
