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
