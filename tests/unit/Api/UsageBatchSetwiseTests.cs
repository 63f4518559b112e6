using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// A usage batch decided in memory and written set-wise (<see cref="SetwiseUsage"/>): the same answers as one event at
/// a time, in request order, against running balances; on SQLite and on PostgreSQL.
/// </summary>
public abstract class UsageBatchSetwiseTests(ApiFixture api)
{
    [Fact]
    public async Task Batch_TwoDebitsOfOneWalletWhereOnlyTheFirstIsAffordable_AppliesTheFirstAndRefusesTheSecond()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await agency.GrantAsync(subAccount, 100);

        var results = await (await agency.Client.PostBatchAsync(
            [new("first", subAccount, 70), new("second", subAccount, 40), new("third", subAccount, 30)])).ResultsAsync();

        results.Select(r => r.Status()).ShouldBe(["applied", "refused", "applied"]);
        results[1].Code().ShouldBe("insufficient_credits");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Batch_MonthlyCapReachedMidBatch_RefusesFromThereOnAndAppliesWhatStillFits()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("shared", usageCapPerMonth: 50);

        var results = await (await agency.Client.PostBatchAsync(
            [new("c-1", subAccount, 20), new("c-2", subAccount, 20), new("c-3", subAccount, 20), new("c-4", subAccount, 10)])).ResultsAsync();

        results.Select(r => r.Status()).ShouldBe(["applied", "applied", "refused", "applied"]);
        results[2].Code().ShouldBe("insufficient_credits");
        (await agency.PoolBalanceAsync()).ShouldBe(950);
        var over = await (await agency.Client.PostBatchAsync([new("c-5", subAccount, 1)])).ResultsAsync();
        over[0].Code().ShouldBe("insufficient_credits"); // the month's usage was written with the batch
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Batch_SameIdAfterTheFirstWasRefused_AppliesTheSecond()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        var results = await (await agency.Client.PostBatchAsync(
            [new("again", subAccount, 500), new("again", subAccount, 30), new("again", subAccount, 30), new("again", subAccount, 31)])).ResultsAsync();

        results.Select(r => r.Status()).ShouldBe(["refused", "applied", "duplicate", "refused"]);
        results[2].Transaction().ShouldBe(results[1].Transaction());
        results[3].Code().ShouldBe("idempotency_key_reused");
        (await agency.PoolBalanceAsync()).ShouldBe(70);
    }

    [Fact]
    public async Task Batch_WithAPausedSubAccount_RefusesItsEventsAndAppliesTheOthers()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var paused = await agency.CreateSubAccountAsync();
        var active = await agency.CreateSubAccountAsync();
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{paused}", new { paused = true }, cancellationToken: Ct)).EnsureSuccessStatusCode();

        var results = await (await agency.Client.PostBatchAsync([new("p", paused, 5), new("a", active, 5)])).ResultsAsync();

        results[0].Code().ShouldBe("account_paused");
        results[1].Status().ShouldBe("applied");
        (await agency.PoolBalanceAsync()).ShouldBe(95);
    }

    [Fact]
    public async Task Batch_OverManyWalletsAndLots_BurnsLotsInOrderAndKeepsEveryWalletExact()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 10_000);
        var subAccounts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var subAccount = await agency.CreateSubAccountAsync("reselling");
            await agency.GrantAsync(subAccount, 40); // two lots each: the oldest burns first
            await agency.GrantAsync(subAccount, 60);
            subAccounts.Add(subAccount);
        }

        var results = await (await agency.Client.PostBatchAsync(
            Enumerable.Range(0, 30).Select(i => new BatchEvent($"m-{i}", subAccounts[i % 3], 1 + i % 5)))).ResultsAsync();

        results.ShouldAllBe(r => r.Status() == "applied");
        for (var s = 0; s < 3; s++)
        {
            var spent = Enumerable.Range(0, 30).Where(i => i % 3 == s).Sum(i => 1 + i % 5);
            (await agency.BalanceAsync(subAccounts[s])).GetProperty("balance").GetInt64().ShouldBe(100 - spent);
        }
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var ids = subAccounts.Select(id => SubAccountId.From(Guid.Parse(id))).ToList();
        var wallets = await db.SubAccounts.Where(s => ids.Contains(s.Id)).Select(s => s.WalletId).ToListAsync(Ct);
        var lots = await db.CreditLots.Where(l => wallets.Contains(l.WalletId)).OrderBy(l => l.Id).ToListAsync(Ct);
        lots.Where((_, i) => i % 2 == 1).ShouldAllBe(l => l.Remaining == 60, "the newer lot is untouched while the older has credits");
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Batch_OfManyEventsWithRefusalsBetween_WritesEachAppliedEventOnceInOrderWithItsSourceEntryThenItsSinkEntry()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 10_000);
        var subAccounts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var subAccount = await agency.CreateSubAccountAsync("reselling");
            await agency.GrantAsync(subAccount, 60);
            subAccounts.Add(subAccount);
        }
        // 150 events over three sub-accounts of 60 credits each: the third's wallet runs dry about half way.
        var events = Enumerable.Range(0, 150).Select(i => new BatchEvent($"o-{i}", subAccounts[i % 3], i % 3 == 2 ? 2 : 1)).ToList();

        var results = await (await agency.Client.PostBatchAsync(events)).ResultsAsync();

        var applied = events.Where((_, i) => results[i].Status() == "applied").ToList();
        results.Select(r => r.Status()).Distinct().Order().ShouldBe(["applied", "refused"]);
        applied.Count.ShouldBe(100 + 30);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        var wallets = await db.SubAccounts.Where(s => s.AgencyId == agencyId).ToDictionaryAsync(s => s.Id, s => (s.WalletId, s.ConsumedWalletId), Ct);
        var usage = await db.LedgerTransactions.AsNoTracking().Include(t => t.Entries)
            .Where(t => t.AgencyId == agencyId && t.Type == TransactionType.Usage).OrderBy(t => t.Sequence).ToListAsync(Ct);
        usage.Select(t => t.IdempotencyKey).ShouldBe(applied.Select(e => e.Id), "every applied event once, in request order");
        foreach (var t in usage)
        {
            var entries = t.Entries.OrderBy(e => e.Id).ToList();
            entries.Select(e => (e.WalletId, e.Amount)).ShouldBe([(wallets[t.SubAccountId!.Value].WalletId, t.Credits), (wallets[t.SubAccountId!.Value].ConsumedWalletId, -t.Credits)]);
            entries.ShouldAllBe(e => e.AgencyId == agencyId);
        }
        var entryIds = usage.SelectMany(t => t.Entries.Select(e => e.Id).Order()).ToList();
        entryIds.ShouldBe(entryIds.Order().ToList(), "the entries go in in their transactions' order");
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task WriteAsync_WhenTheWalletChangedAfterTheBatchWasDecided_WritesNothingAndHandsBack()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await agency.GrantAsync(subAccount, 100);
        var id = SubAccountId.From(Guid.Parse(subAccount));
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var setwise = scope.ServiceProvider.GetRequiredService<SetwiseUsage>();
        await using var transaction = await WriteTransaction.BeginAsync(db, nameof(UsageBatchSetwiseTests), Ct);
        var plan = await setwise.PlanAsync([(Tenant.Of(AgencyId.From(Guid.Parse(agency.Id))), new UsageEvent("k", id, new UsageCommand(new Credits(10))))], Ct);
        plan.ShouldNotBeNull();
        // Another node debits the wallet between the reads and the writes.
        var wallet = await db.SubAccounts.Where(s => s.Id == id).Select(s => s.WalletId).SingleAsync(Ct);
        await db.Wallets.Where(w => w.Id == wallet).ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, w => w.Balance - 5), Ct);
        await db.CreditLots.Where(l => l.WalletId == wallet).ExecuteUpdateAsync(set => set.SetProperty(l => l.Remaining, l => l.Remaining - 5), Ct);

        var written = await setwise.WriteAsync(plan, Ct);

        written.ShouldBeNull();
        (await db.Wallets.Where(w => w.Id == wallet).Select(w => w.Balance).SingleAsync(Ct)).ShouldBe(95);
        (await db.LedgerTransactions.CountAsync(t => t.SubAccountId == id && t.Type == TransactionType.Usage, Ct)).ShouldBe(0);
        (await db.SubAccounts.Where(s => s.Id == id).Select(s => s.UsageMonthCredits).SingleAsync(Ct)).ShouldBe(0);
    }
}

public sealed class UsageBatchSetwiseTestsOnSqlite(SqliteApi api) : UsageBatchSetwiseTests(api), IClassFixture<SqliteApi>;

public sealed class UsageBatchSetwiseTestsOnPostgres(PostgresApi api) : UsageBatchSetwiseTests(api), IClassFixture<PostgresApi>;
