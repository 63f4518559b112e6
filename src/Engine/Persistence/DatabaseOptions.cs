namespace ResellerKit.Engine.Persistence;

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:Engine</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=resellerkit.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultConnectionString;
}
