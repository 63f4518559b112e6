using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        if (options.Provider == DatabaseProvider.Sqlite) SqliteLibrary.Configure();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<StorefrontChanges>();
        services.AddSingleton<StorefrontStamp>();
        services.AddSingleton(sp => new WalCheckpoints(options, sp.GetRequiredService<ILogger<WalCheckpointer>>(), sp.GetService<IHostApplicationLifetime>()));
        services.AddSingleton(sp => new SqliteLockWatch(sp.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteLockWatch>(), options.SlowWrite));
        // The options are built once per process, not once per request scope: building them (and finding EF's internal
        // service provider for them) cost more than the usage debit itself. Everything they hold is a singleton or
        // stateless (the interceptors), so every context can share them. The contexts are pooled too: a new one set up
        // its services (state manager, connection, loggers) on first use, a tenth of the CPU of a checkout paid and
        // granted (bench P4), and a pooled one keeps them, reset when its scope ends.
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddPooledDbContextFactory<SqliteEngineDbContext>((sp, o) => o
                .UseSqlite(options.ConnectionString)
                .AddInterceptors(new SqlitePragmas(sp.GetRequiredService<WalCheckpoints>()), sp.GetRequiredService<SqliteLockWatch>(), new TransactionsBegun(), new ApiKeyStamp(), Committed(sp),
                    sp.GetRequiredService<StorefrontStamp>())),
            DatabaseProvider.Postgres => services.AddPooledDbContextFactory<PostgresEngineDbContext>((sp, o) => o
                .UseNpgsql(options.ConnectionString)
                .AddInterceptors(new TransactionsBegun(), new ApiKeyStamp(), Committed(sp), sp.GetRequiredService<StorefrontStamp>())),
            DatabaseProvider.SqlServer => services.AddPooledDbContextFactory<SqlServerEngineDbContext>((sp, o) => o
                .UseSqlServer(options.ConnectionString)
                .AddInterceptors(new TransactionsBegun(), new ApiKeyStamp(), Committed(sp), sp.GetRequiredService<StorefrontStamp>())),
            _ => throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer."),
        };
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => Tracked<SqliteEngineDbContext>(services),
            DatabaseProvider.Postgres => Tracked<PostgresEngineDbContext>(services),
            _ => Tracked<SqlServerEngineDbContext>(services),
        };
        return services;
    }

    // The scope's context is leased from the pool (the scope's end returns it), or, when the scope will lend it a
    // connection of its own (ScopeDbContext.OwnConnection: the ledger writer's), from a pool of one kept for that: the
    // shared pool's next lease would keep the connection it was lent, and a context built anew for each ledger batch set
    // up its services every time (~3% of the writer's CPU under bench P1b). Noted in the scope's ScopeDbContext.
    private static IServiceCollection Tracked<TContext>(IServiceCollection services)
        where TContext : EngineDbContext
    {
        services.AddScoped<ScopeDbContext>();
        services.AddKeyedSingleton<IDbContextFactory<TContext>>(ScopeDbContext.Writer, (sp, _) =>
            new PooledDbContextFactory<TContext>(sp.GetRequiredService<DbContextOptions<TContext>>(), poolSize: 1));
        return services.AddScoped<EngineDbContext>(sp =>
        {
            var scope = sp.GetRequiredService<ScopeDbContext>();
            var db = scope.OwnConnection
                ? sp.GetRequiredKeyedService<IDbContextFactory<TContext>>(ScopeDbContext.Writer).CreateDbContext()
                : sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            scope.Current = db;
            return db;
        });
    }

    private static OutboxCommitInterceptor Committed(IServiceProvider services) => services.GetRequiredService<OutboxCommitInterceptor>();
}
