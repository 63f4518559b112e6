using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.Hosting;

public static class DataProtectionKeys
{
    /// <summary>
    /// Where the keys behind cookies, tokens and protected secrets live. On PostgreSQL and SQL Server: in the database,
    /// shared by every node, so a cookie issued by one node is read by all. On SQLite (one node by nature): in a
    /// folder next to the database file, because SQLite has one writer, and creating a key from inside a write
    /// transaction would wait on itself.
    /// </summary>
    public static IServiceCollection AddDataProtectionKeys(this IServiceCollection services, DatabaseOptions database)
    {
        var builder = services.AddDataProtection().SetApplicationName("ResellerKit");
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", Path.GetFileNameWithoutExtension(file) + "-keys");
            builder.PersistKeysToFileSystem(Directory.CreateDirectory(folder));
        }
        else
        {
            builder.PersistKeysToDbContext<EngineDbContext>();
        }
        return services;
    }
}
