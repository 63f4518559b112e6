using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Engine.Agencies;

/// <summary>
/// The platform's house agency, which holds the accounts clients own, is created by the first call that needs it
/// (a client accepting its account). On a brand-new install two such calls can arrive at once: both must get the
/// one house agency, and no other agency may take its slug.
/// </summary>
public abstract class HouseAgencyTests(DatabaseProvider provider)
{
    private const int Rounds = 4;

    [Fact]
    public async Task EnsureAsync_TwoFirstCallsAtOnce_BothGetTheOneHouseAgency()
    {
        for (var round = 0; round < Rounds; round++)
        {
            await using var engine = await FreshEngineAsync();

            var houses = await Task.WhenAll(EnsureAsync(engine), EnsureAsync(engine));

            houses[1].Id.ShouldBe(houses[0].Id, $"round {round}");
            houses[0].IsHouse.ShouldBeTrue();
            (await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().Agencies.CountAsync(a => a.IsHouse))).ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task EnsureAsync_AnOlderAgencyHoldsDirect_TakesTheSecondReservedSlug()
    {
        await using var engine = await FreshEngineAsync();
        await engine.InScopeAsync(async s =>
        {
            // An install from before "direct" was reserved, where an agency took it.
            var db = s.GetRequiredService<EngineDbContext>();
            var (agency, wallets) = Agency.Create("Direct Marketing Co", HouseAgency.Slug, "owner@direct.example", DateTimeOffset.UtcNow);
            db.Agencies.Add(agency);
            db.Wallets.AddRange(wallets);
            return await db.SaveChangesAsync();
        });

        var house = await EnsureAsync(engine);

        house.Slug.ShouldBe("direct-clients");
        house.IsHouse.ShouldBeTrue();
        (await EnsureAsync(engine)).Id.ShouldBe(house.Id);
    }

    [Theory]
    [InlineData("direct")]
    [InlineData("direct-clients")]
    public async Task CreateAgency_WithAHouseSlug_IsRefusedOnTheSlugField(string slug)
    {
        await using var engine = await FreshEngineAsync();

        var created = await engine.InScopeAsync(s => s.GetRequiredService<CreateAgency>().HandleAsync(new CreateAgencyCommand("Direct", slug, "owner@direct.example"), Ct));

        var refused = created.Error.ShouldBeOfType<ValidationFailed>();
        refused.Errors["slug"].ShouldHaveSingleItem().ShouldContain("reserved");
    }

    private async Task<EngineFixture> FreshEngineAsync()
    {
        var engine = new EngineFixture(provider);
        await engine.InitializeAsync();
        return engine;
    }

    private static async Task<Agency> EnsureAsync(EngineFixture engine)
    {
        await Task.Yield();
        return await engine.InScopeAsync(s => s.GetRequiredService<HouseAgency>().EnsureAsync("operator@platform.invalid", Ct));
    }
}

public sealed class HouseAgencyTestsOnSqlite() : HouseAgencyTests(DatabaseProvider.Sqlite);

public sealed class HouseAgencyTestsOnPostgres() : HouseAgencyTests(DatabaseProvider.Postgres);
