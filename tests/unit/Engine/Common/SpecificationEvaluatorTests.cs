using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Engine.Common;

/// <summary>
/// Engine's evaluator of Ardalis.Specification specifications, on a real database: everything a specification says
/// must reach the SQL, never be applied to rows already loaded. Runs once on SQLite and once on PostgreSQL.
/// </summary>
public abstract class SpecificationEvaluatorTests(EngineFixture engine)
{
    [Fact]
    public async Task WithSpecification_WhereOrderAndTake_ReturnsTheFilteredSortedPageFromTheDatabase()
    {
        var agency = await engine.NewAgencyAsync();
        var other = await engine.NewAgencyAsync();
        var clients = new List<SubAccount>();
        for (var i = 0; i < 4; i++) clients.Add(await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling));
        await engine.NewSubAccountAsync(other.Id, CreditMode.Reselling);
        var spec = new LatestEmailsSpec(agency.Id, take: 3);

        var (emails, sql) = await QueryAsync(db => db.SubAccounts.WithSpecification(spec), q => q.Select(s => s.Email));

        emails.ShouldBe(clients.Select(c => c.Email).OrderDescending(StringComparer.Ordinal).Take(3));
        sql.ShouldContain("WHERE");
        sql.ShouldContain("ORDER BY");
        sql.ShouldContain("LIMIT");
    }

    [Fact]
    public async Task WithSpecification_IncludeThenInclude_LoadsTheNavigationsInOneQuery()
    {
        var agency = await engine.NewAgencyAsync();
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantAsync(client, new GrantCommand(new ResellerKit.Engine.Credits.Credits(40), "starter"));

        var lots = await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().CreditLots
            .WithSpecification(new LotsWithGrantSpec(client.WalletId)).ToListAsync());
        var withAgency = await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().SubAccounts
            .WithSpecification(new SubAccountWithAgencySpec(client.Id)).SingleAsync());

        var grant = lots.ShouldHaveSingleItem().Grant.ShouldNotBeNull();
        grant.Description.ShouldBe("starter");
        grant.Entries.Sum(e => e.Amount).ShouldBe(0);
        grant.Entries.Count.ShouldBe(2);
        withAgency.Agency.ShouldNotBeNull().Id.ShouldBe(agency.Id);
    }

    [Fact]
    public async Task WithSpecification_AsNoTracking_LeavesTheContextUntracked()
    {
        var agency = await engine.NewAgencyAsync();
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);

        var (untracked, tracked) = await engine.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<EngineDbContext>();
            await db.SubAccounts.WithSpecification(new LatestEmailsSpec(agency.Id, take: 1)).ToListAsync();
            var untracked = db.ChangeTracker.Entries().Count();
            await db.SubAccounts.WithSpecification(new SubAccountByIdSpec(Tenant.Of(agency.Id), client.Id)).SingleAsync();
            return (untracked, db.ChangeTracker.Entries().Count());
        });

        untracked.ShouldBe(0);
        tracked.ShouldBe(1);
    }

    [Fact]
    public async Task WithSpecification_Always_TagsTheSqlWithTheSpecificationAndItsTags()
    {
        var agency = await engine.NewAgencyAsync();

        var (_, sql) = await QueryAsync(db => db.SubAccounts.WithSpecification(new LatestEmailsSpec(agency.Id, take: 1)), q => q);

        sql.ShouldContain("-- LatestEmailsSpec");
        sql.ShouldContain("-- newest client emails");
    }

    [Fact]
    public async Task WithSpecification_WhatItCannotTranslate_IsRefusedBeforeAnyQuery()
    {
        var refused = await Should.ThrowAsync<NotSupportedException>(engine.InScopeAsync(s =>
            s.GetRequiredService<EngineDbContext>().SubAccounts.WithSpecification(new EmailSearchSpec()).ToListAsync()));

        refused.Message.ShouldContain("EmailSearchSpec uses Search");
    }

    private Task<(List<TResult> Rows, string Sql)> QueryAsync<T, TResult>(
        Func<EngineDbContext, IQueryable<T>> query, Func<IQueryable<T>, IQueryable<TResult>> shape) => engine.InScopeAsync(async s =>
    {
        var shaped = shape(query(s.GetRequiredService<EngineDbContext>()));
        return (await shaped.ToListAsync(), shaped.ToQueryString());
    });

    private sealed class LatestEmailsSpec : Specification<SubAccount>
    {
        public LatestEmailsSpec(AgencyId agencyId, int take) =>
            Query.Where(s => s.AgencyId == agencyId).OrderByDescending(s => s.Email).Take(take).AsNoTracking().TagWith("newest client emails");
    }

    private sealed class LotsWithGrantSpec : Specification<CreditLot>
    {
        public LotsWithGrantSpec(WalletId walletId) =>
            Query.Where(l => l.WalletId == walletId).AsNoTracking().Include(l => l.Grant).ThenInclude(g => g!.Entries);
    }

    private sealed class SubAccountWithAgencySpec : Specification<SubAccount>
    {
        public SubAccountWithAgencySpec(SubAccountId id) => Query.Where(s => s.Id == id).Include(s => s.Agency).AsNoTracking();
    }

    private sealed class EmailSearchSpec : Specification<SubAccount>
    {
        public EmailSearchSpec() => Query.Search(s => s.Email, "%@example.com");
    }
}

public sealed class SpecificationEvaluatorTestsOnSqlite(SqliteEngine engine) : SpecificationEvaluatorTests(engine), IClassFixture<SqliteEngine>;

public sealed class SpecificationEvaluatorTestsOnPostgres(PostgresEngine engine) : SpecificationEvaluatorTests(engine), IClassFixture<PostgresEngine>;
