using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>The Engine on a real, migrated database, without any HTTP, for the ledger's own tests.</summary>
public class EngineFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;
    private ServiceProvider? services;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        var options = database.Options;
        options.ConnectionString += ConnectionSettings;
        var collection = new ServiceCollection().AddLogging().AddEngine(options);
        collection.AddDataProtection();
        collection.AddSingleton<TimeProvider>(Clock);
        ConfigureServices(collection);
        services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Database.MigrateAsync();
    }

    /// <summary>Settings an operator may add to the connection string (<c>;Key=Value</c>...); none by default.</summary>
    protected virtual string ConnectionSettings => "";

    /// <summary>Adds what a fixture kind needs beyond the Engine (a payment gateway port).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope: a new DbContext, as a new request would have.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteEngine() : EngineFixture(DatabaseProvider.Sqlite);

public sealed class PostgresEngine() : EngineFixture(DatabaseProvider.Postgres);

/// <summary>PostgreSQL with Npgsql's automatic preparation on, as an operator may tune it in the connection string.</summary>
public sealed class PostgresAutoPrepareEngine() : EngineFixture(DatabaseProvider.Postgres)
{
    protected override string ConnectionSettings => ";Max Auto Prepare=20;Auto Prepare Min Usages=2";
}
