using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// A set-wise write over several sub-accounts whose reads went stale for one of them (another node wrote it): on
/// PostgreSQL each table's rows are updated by one statement with every row's guard in its WHERE, so one failed guard
/// must still write nothing, and the one-by-one path after it refuses only the debit that no longer fits.
/// </summary>
public abstract class UsageSetwiseGuardTests(ApiFixture api)
{
    [Fact]
    public async Task WriteAsync_WhenOneOfSeveralSubAccountsWasDebitedSinceThePlan_WritesNothingAndOneByOneRefusesOnlyThatDebit()
    {
        var (agency, ids) = await SubAccountsAsync(3);
        var caller = Tenant.Of(AgencyId.From(Guid.Parse(agency.Id)));
        var events = ids.Select((id, i) => new UsageEvent($"guard-{i}", id, new UsageCommand(new Credits(60)))).ToList();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var setwise = scope.ServiceProvider.GetRequiredService<SetwiseUsage>();
        var apply = scope.ServiceProvider.GetRequiredService<ApplyUsage>();
        await using var transaction = await WriteTransaction.BeginAsync(db, nameof(UsageSetwiseGuardTests), Ct);
        var plan = await setwise.PlanAsync(events.Select(e => (caller, e)).ToList(), Ct);
        plan.ShouldNotBeNull();
        // Another node debits the second sub-account between the reads and the writes.
        (await apply.ApplyAsync(caller, new UsageEvent("elsewhere", ids[1], new UsageCommand(new Credits(50))), Ct)).Status.ShouldBe(UsageStatus.Applied);

        var written = await setwise.WriteAsync(plan, Ct);
        var oneByOne = new List<UsageResult>();
        foreach (var usage in events) oneByOne.Add(await apply.ApplyAsync(caller, usage, Ct));
        await transaction.CommitAsync(Ct);

        written.ShouldBeNull();
        oneByOne.Select(r => r.Status).ShouldBe([UsageStatus.Applied, UsageStatus.Refused, UsageStatus.Applied]);
        oneByOne[1].Error.ShouldBeOfType<InsufficientCredits>().Available.ShouldBe(50);
        var balances = new List<long>();
        foreach (var id in ids) balances.Add((await agency.BalanceAsync(id.Value.ToString())).GetProperty("balance").GetInt64());
        balances.ShouldBe([40, 50, 40]);
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("lot")]
    [InlineData("month")]
    [InlineData("wallet")]
    [InlineData("sink")]
    public async Task WriteAsync_WhenOneRowOfSeveralChangedSinceThePlan_WritesNothingAndHandsBack(string changed)
    {
        var (agency, ids) = await SubAccountsAsync(3);
        var caller = Tenant.Of(AgencyId.From(Guid.Parse(agency.Id)));
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var setwise = scope.ServiceProvider.GetRequiredService<SetwiseUsage>();
        await using var transaction = await WriteTransaction.BeginAsync(db, nameof(UsageSetwiseGuardTests), Ct);
        // 50 of each: the older lot (40) burns out, the newer (60) gives 10.
        var plan = await setwise.PlanAsync(ids.Select((id, i) => (caller, new UsageEvent($"row-{i}", id, new UsageCommand(new Credits(50))))).ToList(), Ct);
        plan.ShouldNotBeNull();
        var second = ids[1];
        var wallet = await db.SubAccounts.Where(s => s.Id == second).Select(s => s.WalletId).SingleAsync(Ct);
        if (changed == "lot")
        {
            // The second wallet's older lot changed: its balance is what the plan read, the lot is not.
            var older = await db.CreditLots.Where(l => l.WalletId == wallet).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(Ct);
            await db.CreditLots.Where(l => l.Id == older).ExecuteUpdateAsync(set => set.SetProperty(l => l.Remaining, l => l.Remaining - 5), Ct);
        }
        else if (changed == "month")
        {
            await db.SubAccounts.Where(s => s.Id == second).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.UsageMonth, plan.Month).SetProperty(s => s.UsageMonthCredits, 7L), Ct);
        }
        else
        {
            // The second wallet's balance (its lots as they were), or the sink its debits go to, changed.
            var moved = changed == "wallet" ? wallet : await db.SubAccounts.Where(s => s.Id == second).Select(s => s.ConsumedWalletId).SingleAsync(Ct);
            await db.Wallets.Where(w => w.Id == moved).ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, w => w.Balance + (changed == "wallet" ? -3 : 3)), Ct);
        }

        var written = await setwise.WriteAsync(plan, Ct);

        written.ShouldBeNull();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        (await db.LedgerTransactions.CountAsync(t => t.AgencyId == agencyId && t.Type == TransactionType.Usage, Ct)).ShouldBe(0);
        var wallets = await db.SubAccounts.Where(s => ids.Contains(s.Id)).Select(s => s.WalletId).ToListAsync(Ct);
        (await db.Wallets.Where(w => wallets.Contains(w.Id)).Select(w => w.Balance).ToListAsync(Ct)).Order().ToList()
            .ShouldBe(changed == "wallet" ? [97, 100, 100] : [100, 100, 100]);
        (await db.CreditLots.Where(l => wallets.Contains(l.WalletId) && l.WalletId != wallet).Select(l => l.Remaining).ToListAsync(Ct)).Order().ToList()
            .ShouldBe([40L, 40L, 60L, 60L], "the other sub-accounts' lots are as they were");
    }

    // Reselling sub-accounts with 100 credits each, in two lots (40, then 60).
    private async Task<(TestAgency Agency, List<SubAccountId> Ids)> SubAccountsAsync(int count)
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 10_000);
        var ids = new List<SubAccountId>();
        for (var i = 0; i < count; i++)
        {
            var subAccount = await agency.CreateSubAccountAsync("reselling");
            await agency.GrantAsync(subAccount, 40);
            await agency.GrantAsync(subAccount, 60);
            ids.Add(SubAccountId.From(Guid.Parse(subAccount)));
        }
        return (agency, ids);
    }
}

public sealed class UsageSetwiseGuardTestsOnSqlite(SqliteApi api) : UsageSetwiseGuardTests(api), IClassFixture<SqliteApi>;

public sealed class UsageSetwiseGuardTestsOnPostgres(PostgresApi api) : UsageSetwiseGuardTests(api), IClassFixture<PostgresApi>;
