using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// The SQLite API fixture with its file on tmpfs (<c>/dev/shm</c>, where it exists). The pragmas stay the product's
/// (WAL, synchronous=FULL), but an fsync costs nothing there, just as ./test.sh runs PostgreSQL with fsync=off: a storm
/// tests concurrency and bookkeeping, and on these disks (about 4 ms per fsync) 100 000 durable commits would take
/// minutes. Durability across a crash is the kill -9 test's job, on a real disk.
/// </summary>
public sealed class StormSqliteApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    protected override string? SqliteFolder => Directory.Exists("/dev/shm") ? "/dev/shm" : null;
}
