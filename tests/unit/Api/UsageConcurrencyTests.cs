using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>No overdraft and no double spend when many debits race for one pool, on SQLite and on PostgreSQL.</summary>
public abstract class UsageConcurrencyTests(ApiFixture api)
{
    [Fact]
    public async Task Usage_200ConcurrentDebitsOf7AgainstAPoolOf1000_Accepts142AndLeaves6()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("shared");

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            agency.Client.UsageAsync(subAccount, 7, idempotencyKey: $"debit-{i}")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(142);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Count.ShouldBe(58);
        foreach (var response in refused)
        {
            await response.ExpectProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");
        }
        (await agency.PoolBalanceAsync()).ShouldBe(6);
        await ShouldVerifyCleanAsync();
    }

    [Fact]
    public async Task Usage_ConcurrentRequestsWithOneIdempotencyKey_ExecuteOnce()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("shared");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => agency.Client.UsageAsync(subAccount, 10, "the-one-key")));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        bodies.Distinct().Count().ShouldBe(1);
        (await agency.PoolBalanceAsync()).ShouldBe(990);
        await ShouldVerifyCleanAsync();
    }

    private async Task ShouldVerifyCleanAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(default);
        report.Problems.ShouldBeEmpty();
    }
}

public sealed class UsageConcurrencyTestsOnSqlite(SqliteApi api) : UsageConcurrencyTests(api), IClassFixture<SqliteApi>;

public sealed class UsageConcurrencyTestsOnPostgres(PostgresApi api) : UsageConcurrencyTests(api), IClassFixture<PostgresApi>;
