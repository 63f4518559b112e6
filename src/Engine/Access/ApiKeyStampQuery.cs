using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Platform;

namespace ResellerKit.Engine.Access;

/// <summary>
/// The stamp read as plain ADO.NET on a connection of its own, kept open between reads with its command: one
/// <c>SELECT</c> of one row, where a DbContext per read (its services, a scope, the query pipeline) cost more than the
/// debit it guarded. The table, columns and provider come from the app's EF model, so it reads what EF writes. Reads
/// are never concurrent (<see cref="ApiKeyStampReader"/> runs one at a time). A failed read drops the connection and
/// tries once more on a fresh one (a server restart, an idle connection closed by the network).
/// </summary>
internal sealed class ApiKeyStampQuery(DbProviderFactory factory, string connectionString, string sql) : IAsyncDisposable
{
    private DbConnection? connection;
    private DbCommand? command;

    public static ApiKeyStampQuery For(EngineDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(PlatformSetting))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var quoting = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => quoting.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var sql = $"SELECT {Column(nameof(PlatformSetting.Value))} FROM {quoting.DelimitIdentifier(table.Name, table.Schema)} " +
            $"WHERE {Column(nameof(PlatformSetting.Key))} = '{ApiKeyStamp.SettingKey}'";
        return new ApiKeyStampQuery(DbProviderFactories.GetFactory(db.Database.GetDbConnection())!, db.Database.GetConnectionString()!, sql);
    }

    /// <summary>The stamp now, or "" before any key was issued.</summary>
    public async Task<string> ReadAsync()
    {
        try
        {
            return await ReadOnceAsync();
        }
        catch (DbException)
        {
            await DisposeAsync();
            return await ReadOnceAsync();
        }
    }

    private async Task<string> ReadOnceAsync()
    {
        if (command is null)
        {
            connection = factory.CreateConnection()!;
            connection.ConnectionString = connectionString;
            await connection.OpenAsync();
            command = connection.CreateCommand();
            command.CommandText = sql;
        }
        return await command.ExecuteScalarAsync() as string ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        if (command is not null) await command.DisposeAsync();
        if (connection is not null) await connection.DisposeAsync();
        (command, connection) = (null, null);
    }
}
