using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// The node's <see cref="WalCheckpointer"/>s, one per SQLite file, started with the file's first connection. They stop
/// (with a last checkpoint) when the application has stopped, after the requests and background jobs that write, or
/// at the latest when the service provider is disposed.
/// </summary>
internal sealed class WalCheckpoints : IDisposable
{
    private readonly Dictionary<string, WalCheckpointer> files = new(StringComparer.Ordinal);
    private readonly DatabaseOptions options;
    private readonly ILogger logger;

    public WalCheckpoints(DatabaseOptions options, ILogger<WalCheckpointer> logger, IHostApplicationLifetime? lifetime)
    {
        this.options = options;
        this.logger = logger;
        lifetime?.ApplicationStopped.Register(Dispose);
    }

    private bool stopped;

    /// <summary>Makes <paramref name="connection"/> (open) leave its file's checkpoints to the file's checkpointer.</summary>
    public void Hook(SqliteConnection connection)
    {
        if (string.IsNullOrEmpty(connection.DataSource)) return; // in memory: no WAL
        var file = Path.GetFullPath(connection.DataSource);
        WalCheckpointer? checkpointer;
        lock (files)
        {
            if (!files.TryGetValue(file, out checkpointer))
            {
                checkpointer = new WalCheckpointer(connection.ConnectionString, options.CheckpointPages, logger);
                files.Add(file, checkpointer);
                if (stopped) checkpointer.Dispose(); // a write after the stop: its commits checkpoint themselves
            }
        }
        WalHook.Install(connection, checkpointer);
    }

    public void Dispose()
    {
        lock (files)
        {
            stopped = true;
            foreach (var checkpointer in files.Values) checkpointer.Dispose();
        }
    }
}
