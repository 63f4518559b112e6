using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Persistence.Providers;

namespace ResellerKit.Engine.Persistence;

internal static class PersistenceRegistration
{
    public static IServiceCollection AddEnginePersistence(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<EngineDbContext, SqliteEngineDbContext>(o => o
                .UseSqlite(options.ConnectionString)
                .AddInterceptors(new SqlitePragmas(), new ApiKeyStamp())),
            DatabaseProvider.Postgres => services.AddDbContext<EngineDbContext, PostgresEngineDbContext>(o => o
                .UseNpgsql(options.ConnectionString)
                .AddInterceptors(new ApiKeyStamp())),
            DatabaseProvider.SqlServer => services.AddDbContext<EngineDbContext, SqlServerEngineDbContext>(o => o
                .UseSqlServer(options.ConnectionString)
                .AddInterceptors(new ApiKeyStamp())),
            _ => throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer."),
        };
        return services;
    }
}
