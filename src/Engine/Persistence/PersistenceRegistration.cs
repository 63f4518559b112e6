using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence.Providers;

namespace ResellerKit.Engine.Persistence;

internal static class PersistenceRegistration
{
    public static IServiceCollection AddEnginePersistence(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<StorefrontChanges>();
        services.AddSingleton<StorefrontStamp>();
        services.AddSingleton(sp => new SqliteLockWatch(sp.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteLockWatch>(), options.SlowWrite));
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<EngineDbContext, SqliteEngineDbContext>((sp, o) => o
                .UseSqlite(options.ConnectionString)
                .AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<SqliteLockWatch>(), new ApiKeyStamp(), Committed(sp), sp.GetRequiredService<StorefrontStamp>())),
            DatabaseProvider.Postgres => services.AddDbContext<EngineDbContext, PostgresEngineDbContext>((sp, o) => o
                .UseNpgsql(options.ConnectionString)
                .AddInterceptors(new ApiKeyStamp(), Committed(sp), sp.GetRequiredService<StorefrontStamp>())),
            DatabaseProvider.SqlServer => services.AddDbContext<EngineDbContext, SqlServerEngineDbContext>((sp, o) => o
                .UseSqlServer(options.ConnectionString)
                .AddInterceptors(new ApiKeyStamp(), Committed(sp), sp.GetRequiredService<StorefrontStamp>())),
            _ => throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer."),
        };
        return services;
    }

    private static OutboxCommitInterceptor Committed(IServiceProvider services) => services.GetRequiredService<OutboxCommitInterceptor>();
}
