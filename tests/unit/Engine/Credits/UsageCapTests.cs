namespace ResellerKit.Tests.Unit.Engine.Credits;

// Inside the namespace, so that `Credits` means the type, not this test folder.
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// The monthly usage cap limits what a sub-account spends from the agency's pool in a calendar month: credits it bought
/// itself and spent in reselling mode, earlier in the month, are not the pool's and do not count.
/// </summary>
public abstract class UsageCapTests(EngineFixture engine)
{
    [Fact]
    public async Task Usage_AfterAMidMonthSwitchToTheSharedPool_CountsOnlyPoolUsageAgainstTheCap()
    {
        var agency = await engine.NewAgencyAsync();
        await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(1_000), "pool"));
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantAsync(client, new GrantCommand(new Credits(500), "bought"));
        (await engine.UseAsync(client, 300)).IsSuccess.ShouldBeTrue();

        await UpdateAsync(client, new UpdateSubAccountCommand(CreditMode: CreditMode.Shared, UsageCapPerMonth: 100L));
        var withinCap = await engine.UseAsync(client, 80);
        var pastCap = await engine.UseAsync(client, 30);

        withinCap.IsSuccess.ShouldBeTrue("the 300 credits came out of the client's own wallet, not the pool");
        pastCap.Error.ShouldBe(new UsageCapReached(100, 80, 30));
        (await engine.BalanceAsync(client)).UsedThisMonth.ShouldBe(80);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Usage_BackInTheSharedPoolAfterResellingMidMonth_CountsThePoolUsageOfTheWholeMonth()
    {
        var agency = await engine.NewAgencyAsync();
        await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(1_000), "pool"));
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Shared);
        await UpdateAsync(client, new UpdateSubAccountCommand(UsageCapPerMonth: 100L));
        (await engine.UseAsync(client, 60)).IsSuccess.ShouldBeTrue();

        await UpdateAsync(client, new UpdateSubAccountCommand(CreditMode: CreditMode.Reselling));
        await engine.GrantAsync(client, new GrantCommand(new Credits(500), "bought"));
        (await engine.UseAsync(client, 200)).IsSuccess.ShouldBeTrue();
        var reselling = await engine.BalanceAsync(client);
        await UpdateAsync(client, new UpdateSubAccountCommand(CreditMode: CreditMode.Shared));
        var pastCap = await engine.UseAsync(client, 41);
        var withinCap = await engine.UseAsync(client, 40);

        reselling.UsedThisMonth.ShouldBe(200, "in reselling mode the month's usage is what the client spent of its own credits");
        pastCap.Error.ShouldBe(new UsageCapReached(100, 60, 41));
        withinCap.IsSuccess.ShouldBeTrue();
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    private async Task UpdateAsync(SubAccount client, UpdateSubAccountCommand command)
    {
        var updated = await engine.InScopeAsync(s =>
            s.GetRequiredService<UpdateSubAccount>().HandleAsync(Tenant.Of(client.AgencyId), client.Id, command, Actor.System, default));
        updated.IsSuccess.ShouldBeTrue();
    }
}

public sealed class UsageCapTestsOnSqlite(SqliteEngine engine) : UsageCapTests(engine), IClassFixture<SqliteEngine>;

public sealed class UsageCapTestsOnPostgres(PostgresEngine engine) : UsageCapTests(engine), IClassFixture<PostgresEngine>;
