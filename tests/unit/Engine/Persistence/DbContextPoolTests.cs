namespace ResellerKit.Tests.Unit.Engine.Persistence;

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// A scope's <see cref="EngineDbContext"/> is leased from a pool and goes back, reset, when the scope ends; the ledger
/// writer's, which it lends its own connection, is built apart and never pooled.
/// </summary>
public abstract class DbContextPoolTests(EngineFixture engine)
{
    protected IServiceProvider Services => engine.Services;

    [Fact]
    public async Task Scope_AfterAnEarlierScopeEnded_LeasesTheSameContextReset()
    {
        EngineDbContext first;
        await using (var scope = engine.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            _ = await first.Agencies.CountAsync(Ct);
            first.Database.AutoSavepointsEnabled = false;
        }

        var (next, second) = await LeaseAgainAsync(first);
        await using var leased = next;

        second.Database.AutoSavepointsEnabled.ShouldBeTrue();
        next.ServiceProvider.GetRequiredService<ScopeDbContext>().Current.ShouldBeSameAs(second);
    }

    // A scope that ended its transaction without committing (an error, a refusal) leaves nothing for the next scope
    // that leases its context to announce as committed: here, a storefront change this node would act on.
    [Fact]
    public async Task Scope_AfterAnEarlierScopesTransactionEndedUncommitted_AnnouncesNothingOfIt()
    {
        var agency = await engine.NewAgencyAsync();
        var announced = new ConcurrentQueue<AgencyId>();
        engine.Services.GetRequiredService<StorefrontChanges>().Subscribe(agencies => { foreach (var id in agencies) announced.Enqueue(id); });

        EngineDbContext first;
        await using (var scope = engine.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            await using var transaction = await WriteTransaction.BeginAsync(first, "test", Ct);
            (await first.Agencies.SingleAsync(a => a.Id == agency.Id, Ct)).Suspend();
            await first.SaveChangesAsync(Ct);
        }

        var (next, second) = await LeaseAgainAsync(first);
        await using var leased = next;
        await using (var transaction = await WriteTransaction.BeginAsync(second, "test", Ct))
        {
            await transaction.CommitAsync(Ct);
        }

        announced.ShouldNotContain(agency.Id);
        (await second.Agencies.AsNoTracking().SingleAsync(a => a.Id == agency.Id, Ct)).Status.ShouldBe(AgencyStatus.Active);
    }

    /// <summary>
    /// A scope holding <paramref name="first"/> again. The pool hands out the context idle longest first, so contexts
    /// returned before it (by another test of this class, by the fixture's workers) come first: each is held leased
    /// until <paramref name="first"/> comes back. Fails when it never does, as without pooling.
    /// </summary>
    private async Task<(AsyncServiceScope Scope, EngineDbContext Context)> LeaseAgainAsync(EngineDbContext first)
    {
        var held = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < 256; i++)
            {
                var scope = engine.Services.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
                if (ReferenceEquals(context, first))
                {
                    return (scope, context);
                }
                held.Add(scope);
            }
            throw new ShouldAssertException("No scope leased the context the earlier scope returned: contexts are not pooled.");
        }
        finally
        {
            foreach (var scope in held)
            {
                await scope.DisposeAsync();
            }
        }
    }
}

public sealed class DbContextPoolTestsOnSqlite(SqliteEngine engine) : DbContextPoolTests(engine), IClassFixture<SqliteEngine>
{
    // On SQLite the ledger writer lends its context a connection of its own, kept open from batch to batch.
    [Fact]
    public async Task Scope_AfterALedgerBatch_NeverLeasesTheWritersConnection()
    {
        var queue = Services.GetRequiredService<LedgerQueue>();
        var writers = await queue.RunAsync(null, Services, [], (services, _) =>
            Task.FromResult(services.GetRequiredService<EngineDbContext>().Database.GetDbConnection()), Ct);

        var scopes = Enumerable.Range(0, 8).Select(_ => Services.CreateAsyncScope()).ToList();
        try
        {
            foreach (var scope in scopes)
            {
                scope.ServiceProvider.GetRequiredService<EngineDbContext>().Database.GetDbConnection().ShouldNotBeSameAs(writers);
            }
        }
        finally
        {
            foreach (var scope in scopes) await scope.DisposeAsync();
        }
    }
}

public sealed class DbContextPoolTestsOnPostgres(PostgresEngine engine) : DbContextPoolTests(engine), IClassFixture<PostgresEngine>;
