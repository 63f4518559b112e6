using SQLitePCL;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// Process-wide settings of the SQLite library, made once before its first connection. Its memory statistics are off:
/// with them on, every allocation SQLite makes takes a global mutex to count itself (for <c>sqlite3_memory_used</c> and a
/// soft heap limit, neither of which the product uses); under bench P1b that was ~5% of the ledger writer's CPU per
/// event. A setting comes too late once SQLite has started (another part of the process opened a database first): it
/// is then left as it was, which changes nothing but speed.
/// </summary>
internal static class SqliteLibrary
{
    private static int configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1) return;
        Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0); // SQLITE_MISUSE when it started already: nothing to undo
    }
}
