namespace ResellerKit.Engine.Persistence;

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:Engine</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=resellerkit.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// <c>Database:SlowWriteSeconds</c>: on SQLite, a wait for the write lock, a hold of it or a command longer than this
    /// is logged as a warning naming the operation that held the lock (<see cref="SqliteLockWatch"/>).
    /// </summary>
    public TimeSpan SlowWrite { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Database:CheckpointPages</c>: on SQLite, the WAL length (in pages) past which a background thread copies it into
    /// the database file (<see cref="WalCheckpointer"/>), instead of the commit that crossed it.
    /// </summary>
    public int CheckpointPages { get; set; } = 1000;
}
