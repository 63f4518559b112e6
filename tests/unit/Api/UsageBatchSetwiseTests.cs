using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Idempotency;
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
        await LedgerIsCleanAsync();
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
        await LedgerIsCleanAsync();
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
        await LedgerIsCleanAsync();
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
        await LedgerIsCleanAsync();
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

    private async Task LedgerIsCleanAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }
}

public sealed class UsageBatchSetwiseTestsOnSqlite(SqliteApi api) : UsageBatchSetwiseTests(api), IClassFixture<SqliteApi>;

public sealed class UsageBatchSetwiseTestsOnPostgres(PostgresApi api) : UsageBatchSetwiseTests(api), IClassFixture<PostgresApi>;

/// <summary>
/// Usage waiting in one batch of the ledger writer, applied together: single debits (<see cref="UsageGroup"/>), and usage
/// batch requests (<see cref="UsageBatches"/>).
/// </summary>
public abstract class UsageGroupTests(ApiFixture api)
{
    [Fact]
    public async Task Batch_OfSingleDebitsOfOneWallet_DecidesEachInQueueOrderAndAppliesThemTogether()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await agency.GrantAsync(subAccount, 100);
        var caller = Tenant.Of(AgencyId.From(Guid.Parse(agency.Id)));
        var id = SubAccountId.From(Guid.Parse(subAccount));
        var operations = new[] { ("a", 70L), ("b", 40L), ("c", 30L), ("a", 70L) }.Select(d => Debit(caller, new UsageEvent(d.Item1, id, new UsageCommand(new Credits(d.Item2))))).ToList();

        await Batch().RunAsync(operations, Ct);

        var results = await Task.WhenAll(operations.Select(o => o.Task));
        operations.ShouldAllBe(o => o.Settled, "decided set-wise, not one by one");
        results.Select(r => r.Status).ShouldBe([UsageStatus.Applied, UsageStatus.Refused, UsageStatus.Applied, UsageStatus.Duplicate]);
        results[1].Error.ShouldBeOfType<InsufficientCredits>().Available.ShouldBe(30);
        results[3].TransactionId.ShouldBe(results[0].TransactionId);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Batch_WithOneIdempotencyKeyTwice_AppliesOnceAndReplaysTheFirstReplyToTheSecond()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var caller = Tenant.Of(AgencyId.From(Guid.Parse(agency.Id)));
        var usage = new UsageEvent("twice", SubAccountId.From(Guid.Parse(subAccount)), new UsageCommand(new Credits(10)));
        var request = new KeyedRequest(IdempotencyScopes.Of(caller), "twice", "hash");
        var other = Debit(caller, new UsageEvent(null, usage.SubAccountId, new UsageCommand(new Credits(5))));
        var operations = new[] { Keyed(caller, usage, request), Keyed(caller, usage, request) };

        await Batch().RunAsync([operations[0], other, operations[1]], Ct);

        var first = await operations[0].Task;
        var second = await operations[1].Task;
        first.Replayed.ShouldBeFalse();
        second.Replayed.ShouldBeTrue();
        second.Reply!.Body.ShouldBe(first.Reply!.Body);
        (await other.Task).Status.ShouldBe(UsageStatus.Applied);
        (await agency.PoolBalanceAsync()).ShouldBe(85);
    }

    [Fact]
    public async Task Batch_OfTwoUsageBatchRequests_DecidesTheirEventsTogetherInQueueOrderAndAppliesEachKeyOnce()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await agency.GrantAsync(subAccount, 100);
        var caller = Tenant.Of(AgencyId.From(Guid.Parse(agency.Id)));
        var id = SubAccountId.From(Guid.Parse(subAccount));
        var first = Request(caller, id, ("a", 70), ("b", 40));
        var second = Request(caller, id, ("c", 30), ("a", 70), ("d", 1));

        await Batch().RunAsync([first, second], Ct);

        var one = await first.Task;
        var two = await second.Task;
        first.Settled.ShouldBeTrue("decided with the other request, not on its own");
        second.Settled.ShouldBeTrue("decided with the other request, not on its own");
        one.Select(r => r.Status).ShouldBe([UsageStatus.Applied, UsageStatus.Refused]);
        one[1].Error.ShouldBeOfType<InsufficientCredits>().Available.ShouldBe(30);
        two.Select(r => r.Status).ShouldBe([UsageStatus.Applied, UsageStatus.Duplicate, UsageStatus.Refused]);
        two[1].TransactionId.ShouldBe(one[0].TransactionId, "a key applied by the earlier request is its duplicate");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
        await using var verify = api.Services.CreateAsyncScope();
        (await verify.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Batch_OfUsageBatchRequestsOutOfTheCommonCase_RunsEachOnItsOwnWithTheSameResults()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var alerted = await agency.CreateSubAccountAsync("reselling");
        var plain = await agency.CreateSubAccountAsync("reselling");
        await agency.GrantAsync(alerted, 100);
        await agency.GrantAsync(plain, 100);
        var alertedId = SubAccountId.From(Guid.Parse(alerted));
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // A low-balance alert may be due after a debit: only the one-by-one path decides that.
            await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.Where(s => s.Id == alertedId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LowBalanceThreshold, 10L), Ct);
        }
        var caller = Tenant.Of(AgencyId.From(Guid.Parse(agency.Id)));
        var first = Request(caller, SubAccountId.From(Guid.Parse(plain)), ("p-1", 60), ("p-2", 60));
        var second = Request(caller, alertedId, ("x-1", 95), ("p-1", 5));

        await Batch().RunAsync([first, second], Ct);

        var one = await first.Task;
        var two = await second.Task;
        first.Settled.ShouldBeFalse();
        second.Settled.ShouldBeFalse();
        one.Select(r => r.Status).ShouldBe([UsageStatus.Applied, UsageStatus.Refused]);
        two.Select(r => r.Status).ShouldBe([UsageStatus.Applied, UsageStatus.Refused]);
        two[1].Error!.Code.ShouldBe("idempotency_key_reused");
        (await agency.BalanceAsync(plain)).GetProperty("balance").GetInt64().ShouldBe(40);
        (await agency.BalanceAsync(alerted)).GetProperty("balance").GetInt64().ShouldBe(5);
        await using var verify = api.Services.CreateAsyncScope();
        (await verify.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    private LedgerBatch Batch() =>
        new(api.Services.GetRequiredService<IServiceScopeFactory>(), new LedgerQueueOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    private static UsageOperation<UsageResult> Debit(Tenant caller, UsageEvent usage) =>
        new(caller, usage, null, result => (result, null), _ => throw new InvalidOperationException(),
            (scope, ct) => scope.GetRequiredService<ApplyUsage>().ApplyAsync(caller, usage, ct));

    // As RecordUsageBatch queues a request without an Idempotency-Key of its own.
    private static UsageBatchOperation Request(Tenant caller, SubAccountId id, params (string Key, long Credits)[] events)
    {
        var usage = events.Select(e => new UsageEvent(e.Key, id, new UsageCommand(new Credits(e.Credits)))).ToList();
        return new UsageBatchOperation(caller, usage, async (scope, ct) =>
        {
            var apply = scope.GetRequiredService<ApplyUsage>();
            var results = new List<UsageResult>();
            foreach (var e in usage) results.Add(await apply.ApplyAsync(caller, e, ct));
            return results;
        });
    }

    // As the single route does: the reply names the transaction, and is stored with the debit.
    private static UsageOperation<Keyed<UsageResult>> Keyed(Tenant caller, UsageEvent usage, KeyedRequest request)
    {
        static StoredReply Render(UsageResult result) => new(201, "text/plain", null, System.Text.Encoding.UTF8.GetBytes($"{result.Status} {result.TransactionId}"));
        return new(caller, usage, request,
            result => (Keyed<UsageResult>.Fresh(result, Render(result)), Render(result)),
            seen => IdempotentRequests.Replayed<UsageResult>(request, seen),
            (scope, ct) => scope.GetRequiredService<IdempotentRequests>().RunAsync(
                request, t => scope.GetRequiredService<ApplyUsage>().ApplyAsync(caller, usage, t), Render, ct));
    }
}

public sealed class UsageGroupTestsOnSqlite(SqliteApi api) : UsageGroupTests(api), IClassFixture<SqliteApi>;

public sealed class UsageGroupTestsOnPostgres(PostgresApi api) : UsageGroupTests(api), IClassFixture<PostgresApi>;
