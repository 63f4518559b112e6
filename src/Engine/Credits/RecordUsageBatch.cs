using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// Records up to <see cref="MaxEvents"/> usage events in one call, in one group commit: each event is applied (or
/// refused, or recognised as a duplicate of its key) on its own, in order, and a refusal never affects the others.
/// The results come back in the order of the events.
/// </summary>
public sealed class RecordUsageBatch(LedgerQueue queue, ScopeDbContext callerDb, IServiceProvider services)
{
    public const int MaxEvents = 1000;

    public Task<IReadOnlyList<UsageResult>> HandleAsync(Tenant caller, IReadOnlyList<UsageEvent> events, CancellationToken ct)
    {
        Check(events);
        // Applied with the other batch requests waiting beside it where it can be (UsageBatches), else on its own.
        return queue.RunAsync(callerDb.Current, services, new UsageBatchOperation(caller, events, (scope, token) => ApplyAllAsync(scope, caller, events, token)), ct);
    }

    /// <summary>The same, for a batch request that carried its own idempotency key: a retry replays the first reply.</summary>
    public Task<Keyed<IReadOnlyList<UsageResult>>> HandleAsync(
        Tenant caller, IReadOnlyList<UsageEvent> events, KeyedRequest request, Func<IReadOnlyList<UsageResult>, StoredReply> render, CancellationToken ct)
    {
        Check(events);
        return queue.RunAsync(callerDb.Current, services, SubAccountsOf(events), (scope, token) => scope.GetRequiredService<IdempotentRequests>().RunAsync(
            request, t => ApplyAllAsync(scope, caller, events, t), render, token), ct);
    }

    // Set-wise in the common case (SetwiseUsage); otherwise, or when the database changed under it, one event at a time.
    private static async Task<IReadOnlyList<UsageResult>> ApplyAllAsync(IServiceProvider scope, Tenant caller, IReadOnlyList<UsageEvent> events, CancellationToken ct)
    {
        if (await scope.GetRequiredService<SetwiseUsage>().TryApplyAsync(caller, events, ct) is { } applied)
        {
            return applied;
        }
        var apply = scope.GetRequiredService<ApplyUsage>();
        var results = new UsageResult[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            results[i] = await apply.ApplyAsync(caller, events[i], ct);
        }
        return results;
    }

    // Weighs the batch by its events; each sub-account is locked once.
    private static SubAccountId[] SubAccountsOf(IReadOnlyList<UsageEvent> events) => events.Select(e => e.SubAccountId).ToArray();

    private static void Check(IReadOnlyList<UsageEvent> events)
    {
        if (events.Count is < 1 or > MaxEvents)
        {
            throw new ArgumentOutOfRangeException(nameof(events), events.Count, $"A usage batch holds 1 to {MaxEvents} events.");
        }
    }
}
