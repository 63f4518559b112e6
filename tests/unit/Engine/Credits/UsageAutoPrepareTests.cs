namespace ResellerKit.Tests.Unit.Engine.Credits;

// Inside the namespace, so that `Credits` means the type, not this test folder.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// The usage path on PostgreSQL with Npgsql's automatic preparation on (<c>Max Auto Prepare</c> in the connection
/// string). The hot path keeps a command per statement for its unit of work and binds new values to it each time; a
/// command Npgsql had prepared used to run with the values it was first given.
/// </summary>
public sealed class UsageAutoPrepareTests(PostgresAutoPrepareEngine engine) : IClassFixture<PostgresAutoPrepareEngine>
{
    [Fact]
    public async Task FactsAsync_ForAnotherSubAccountAfterThePreparedRead_ReadsThatSubAccount()
    {
        var agency = await engine.NewAgencyAsync();
        var first = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        var second = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);

        var read = await engine.InScopeAsync(async s =>
        {
            await s.GetRequiredService<EngineDbContext>().Database.OpenConnectionAsync(Ct); // one connection: the read is prepared on it
            var hot = s.GetRequiredService<UsageHotPath>();
            for (var i = 0; i < 3; i++) await hot.FactsAsync(first.Id, Ct);
            return await hot.FactsAsync(second.Id, Ct);
        });

        read.ShouldNotBeNull().Id.ShouldBe(second.Id);
    }

    [Fact]
    public async Task TryDebitAsync_ThreeDebitsOnOneConnection_EachInsertsItsOwnTransaction()
    {
        var agency = await engine.NewAgencyAsync();
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantAsync(client, new GrantCommand(new Credits(100), "stock"));

        var debits = await engine.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<EngineDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct); // one connection: the statements are prepared on it
            var hot = s.GetRequiredService<UsageHotPath>();
            var facts = (await hot.FactsAsync(client.Id, Ct))!;
            var results = new List<bool>();
            for (var i = 0; i < 3; i++)
            {
                var usage = new UsageEvent(null, client.Id, new UsageCommand(new Credits(1 + i)));
                results.Add((await hot.TryDebitAsync(facts, usage, IdempotencyScopes.Platform, engine.Clock.GetUtcNow(), Ct))?.IsSuccess == true);
            }
            await transaction.CommitAsync(Ct);
            return results;
        });

        debits.ShouldBe([true, true, true]);
        (await engine.BalanceAsync(client)).Credits.ShouldBe(94);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }
}
