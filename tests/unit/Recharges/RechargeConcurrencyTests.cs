using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>Many debits crossing the threshold at once open exactly one recharge, on SQLite and on PostgreSQL.</summary>
public abstract class RechargeConcurrencyTests(ApiFixture api)
{
    [Fact]
    public async Task Usage_200ConcurrentDebitsBelowTheThreshold_OpenExactlyOneRecharge()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(1_000);
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 900, target: 2_000);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => agency.Client.UsageAsync(subAccount, 4, idempotencyKey: $"dip-{i}")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(200);
        var recharges = await agency.RechargesAsync(subAccount);
        recharges.Count.ShouldBe(1);
        recharges[0].GetProperty("state").GetString().ShouldBe("open");
        recharges[0].GetProperty("balanceAtOpen").GetInt64().ShouldBeLessThan(900);
        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").GetProperty("openRechargeId").GetString()
            .ShouldBe(recharges[0].GetProperty("id").GetString());
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Usage_ConcurrentDebitsAfterTheGrant_OpenOneNewRecharge()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200);
        await agency.Client.UsageAsync(subAccount, 60);
        var first = (await agency.RechargesAsync(subAccount)).Single().GetProperty("id").GetString()!;
        await (await agency.GrantRechargeAsync(subAccount, first, 160)).ExpectAsync(HttpStatusCode.Created);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => agency.Client.UsageAsync(subAccount, 3)));

        var recharges = await agency.RechargesAsync(subAccount);
        recharges.Count.ShouldBe(2);
        recharges.Count(r => r.GetProperty("state").GetString() == "open").ShouldBe(1);
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(20);
    }
}

public sealed class RechargeConcurrencyTestsOnSqlite(SqliteApi api) : RechargeConcurrencyTests(api), IClassFixture<SqliteApi>;

public sealed class RechargeConcurrencyTestsOnPostgres(PostgresApi api) : RechargeConcurrencyTests(api), IClassFixture<PostgresApi>;
