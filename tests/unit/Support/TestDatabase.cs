using Npgsql;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>
/// A fresh, real database for one fixture: a SQLite file in a temp folder, or a new PostgreSQL database on the
/// server that <c>RESELLERKIT_TEST_POSTGRES</c> names (./test.sh starts one and sets it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RESELLERKIT_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
    }

    private readonly Func<Task> drop;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <param name="sqliteFolder">Where the SQLite file goes; by default the temp folder.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? sqliteFolder = null) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(sqliteFolder ?? Path.GetTempPath()),
        DatabaseProvider.Postgres => await CreatePostgresAsync(),
        _ => throw new NotSupportedException($"No {provider} server runs on these machines."),
    };

    private static TestDatabase CreateSqlite(string parent)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, "resellerkit-tests")).FullName;
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresAdmin ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set. ./test.sh starts PostgreSQL and sets it; to run these tests by hand, point it at a server.");
        var name = $"rk_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 300 }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await drop();
}
