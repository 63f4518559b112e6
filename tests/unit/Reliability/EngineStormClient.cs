using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// The bulk of a storm: the Engine's use-case handlers, each call in a scope of its own (a new DbContext, as a new
/// request gets), which is the code the API endpoints call once a request is authenticated and bound. A keyed call
/// that posted is sometimes retried with the same key: it must answer with the first transaction (usage, which the
/// ledger writer deduplicates) or be refused by the unique ledger index (grants), and never post again.
/// </summary>
public sealed class EngineStormClient(ApiFixture api, StormJournal journal)
{
    public Task UsageAsync(StormAgency agency, SubAccountId subAccount, long credits, string? key, bool retry) =>
        PostAsync("usage", new(StormKind.Usage, agency.Id, subAccount, credits, 0, 0), key, retry, async s =>
        {
            var posted = await s.GetRequiredService<DebitUsage>().HandleAsync(
                Tenant.Of(agency.Id), subAccount, new UsageCommand(new Credits(credits), "storm usage"), key, default);
            return posted.IsSuccess ? posted.Value.Id : posted.Error!;
        });

    public Task GrantPoolAsync(StormAgency agency, long credits, string? key, bool retry) =>
        PostAsync("pool grant", new(StormKind.PoolGrant, agency.Id, null, credits, 0, 0), key, retry, async s =>
        {
            var granted = await s.GetRequiredService<GrantPoolCredits>().HandleAsync(agency.Id, new GrantCommand(new Credits(credits), "storm"), Actor.System, key, default);
            return granted.IsSuccess ? granted.Value.TransactionId : granted.Error!;
        });

    public Task GrantAsync(StormAgency agency, SubAccountId subAccount, long credits, string? key, bool retry) =>
        PostAsync("grant", new(StormKind.Grant, agency.Id, subAccount, credits, 0, 0), key, retry, async s =>
        {
            var granted = await s.GetRequiredService<GrantSubAccountCredits>().HandleAsync(
                Tenant.Of(agency.Id), subAccount, new GrantCommand(new Credits(credits), "storm"), Actor.System, key, default);
            return granted.IsSuccess ? granted.Value.TransactionId : granted.Error!;
        });

    public async Task SwitchModeAsync(StormAgency agency, SubAccountId subAccount, CreditMode mode)
    {
        var started = StormJournal.Now();
        await using var scope = api.Services.CreateAsyncScope();
        var switched = await scope.ServiceProvider.GetRequiredService<UpdateSubAccount>().HandleAsync(
            Tenant.Of(agency.Id), subAccount, new UpdateSubAccountCommand(CreditMode: mode), Actor.System, default);
        journal.Record(new(StormKind.Switch, agency.Id, subAccount, 0, started, StormJournal.Now())
        {
            Mode = mode,
            Refused = switched.IsSuccess ? null : switched.Error.Code,
        });
        journal.Count(switched.IsSuccess ? "mode switch: done" : "mode switch: " + switched.Error.Code);
    }

    private async Task PostAsync(string kind, StormOperation operation, string? key, bool retry, Func<IServiceProvider, Task<Result<TransactionId>>> call)
    {
        var started = StormJournal.Now();
        var first = await InScopeAsync(call);
        var ended = StormJournal.Now();
        if (!first.IsSuccess)
        {
            journal.Record(operation with { Started = started, Ended = ended, Refused = first.Error.Code });
            journal.Count($"{kind}: {first.Error.Code}");
            if (key is not null) journal.KeyedRefusals.TryAdd(StormJournal.Keyed(operation.Agency, key), 0);
            return;
        }
        journal.Record(operation with { Started = started, Ended = ended, Posted = first.Value });
        journal.RecordPosted(first.Value, kind, operation.Agency, key);
        if (key is null || !retry)
        {
            return;
        }
        try
        {
            var again = await InScopeAsync(call);
            if (again.IsSuccess && again.Value != first.Value)
            {
                journal.Fail($"{kind}: a retry with Idempotency-Key {key} posted a second transaction {again.Value}");
            }
            journal.Count($"{kind} retry: {(again.IsSuccess ? "replayed the first transaction" : again.Error.Code)}");
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            journal.Count($"{kind} retry: refused by the unique key");
        }
    }

    private async Task<Result<TransactionId>> InScopeAsync(Func<IServiceProvider, Task<Result<TransactionId>>> call)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider);
    }
}
