using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence.Providers;

namespace ResellerKit.Engine.Persistence;

internal static class PersistenceRegistration
{
    private const ServiceLifetime Scoped = ServiceLifetime.Scoped;
    private const ServiceLifetime Singleton = ServiceLifetime.Singleton;

    public static IServiceCollection AddEnginePersistence(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<StorefrontChanges>();
        services.AddSingleton<StorefrontStamp>();
        services.AddSingleton(sp => new SqliteLockWatch(sp.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteLockWatch>(), options.SlowWrite));
        // The options are built once per process, not once per request scope: building them (and finding EF's internal
        // service provider for them) cost more than the usage debit itself. Everything they hold is a singleton or
        // stateless (the interceptors), so every context can share them.
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<EngineDbContext, SqliteEngineDbContext>((sp, o) => o
                .UseSqlite(options.ConnectionString)
                .AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<SqliteLockWatch>(), new TransactionsBegun(), new ApiKeyStamp(), Committed(sp),
                    sp.GetRequiredService<StorefrontStamp>()), Scoped, Singleton),
            DatabaseProvider.Postgres => services.AddDbContext<EngineDbContext, PostgresEngineDbContext>((sp, o) => o
                .UseNpgsql(options.ConnectionString)
                .AddInterceptors(new TransactionsBegun(), new ApiKeyStamp(), Committed(sp), sp.GetRequiredService<StorefrontStamp>()), Scoped, Singleton),
            DatabaseProvider.SqlServer => services.AddDbContext<EngineDbContext, SqlServerEngineDbContext>((sp, o) => o
                .UseSqlServer(options.ConnectionString)
                .AddInterceptors(new TransactionsBegun(), new ApiKeyStamp(), Committed(sp), sp.GetRequiredService<StorefrontStamp>()), Scoped, Singleton),
            _ => throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer."),
        };
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => Tracked<SqliteEngineDbContext>(services, o => new SqliteEngineDbContext(o)),
            DatabaseProvider.Postgres => Tracked<PostgresEngineDbContext>(services, o => new PostgresEngineDbContext(o)),
            _ => Tracked<SqlServerEngineDbContext>(services, o => new SqlServerEngineDbContext(o)),
        };
        return services;
    }

    // The scope's context is built as AddDbContext builds it, and noted in the scope's ScopeDbContext.
    private static IServiceCollection Tracked<TContext>(IServiceCollection services, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : EngineDbContext
    {
        services.AddScoped<ScopeDbContext>();
        return services.Replace(ServiceDescriptor.Scoped<EngineDbContext>(sp =>
        {
            var db = create(sp.GetRequiredService<DbContextOptions<TContext>>());
            sp.GetRequiredService<ScopeDbContext>().Current = db;
            return db;
        }));
    }

    private static OutboxCommitInterceptor Committed(IServiceProvider services) => services.GetRequiredService<OutboxCommitInterceptor>();
}
