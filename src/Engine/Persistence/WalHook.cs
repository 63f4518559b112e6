using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// SQLite's commit hook for WAL files (<c>sqlite3_wal_hook</c>, which Microsoft.Data.Sqlite does not wrap), called
/// on the committing thread after each commit with the number of frames in the WAL. SQLite's automatic checkpoint is
/// this same hook: installing ours replaces it, so the connection no longer copies the WAL into the database file
/// (and fsyncs it) inside its own COMMIT; it tells the file's <see cref="WalCheckpointer"/> instead.
/// </summary>
internal static class WalHook
{
    private const string Library = "e_sqlite3"; // the library Microsoft.Data.Sqlite's bundle loads, by the same name

    private const int Passive = 0; // SQLITE_CHECKPOINT_PASSIVE

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Callback(IntPtr checkpointer, IntPtr db, IntPtr schema, int frames);

    // Kept in a static field so that the delegate, and the native pointer to it, live as long as the process.
    private static readonly Callback OnCommit = Committed;

    private static readonly IntPtr OnCommitPointer = Marshal.GetFunctionPointerForDelegate(OnCommit);

    /// <summary>Tells <paramref name="checkpointer"/> of every commit on <paramref name="connection"/> (open).</summary>
    public static void Install(SqliteConnection connection, WalCheckpointer checkpointer)
    {
        if (connection.Handle is { } handle)
        {
            sqlite3_wal_hook(handle.DangerousGetHandle(), OnCommitPointer, checkpointer.Pointer);
        }
    }

    /// <summary>
    /// Copies what it can of the WAL into the database file, on the calling thread, without waiting for anyone; returns
    /// how many of the WAL's frames are in the database file now.
    /// </summary>
    public static int CheckpointHere(IntPtr db, IntPtr schema)
    {
        sqlite3_wal_checkpoint_v2(db, schema, Passive, out _, out var checkpointed);
        return checkpointed;
    }

    private static int Committed(IntPtr checkpointer, IntPtr db, IntPtr schema, int frames)
    {
        WalCheckpointer.From(checkpointer).Committed(db, schema, frames);
        return 0; // SQLITE_OK: the commit stands whatever happens here
    }

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr sqlite3_wal_hook(IntPtr db, IntPtr callback, IntPtr argument);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_wal_checkpoint_v2(IntPtr db, IntPtr schema, int mode, out int logFrames, out int checkpointedFrames);
}
