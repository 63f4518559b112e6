using Microsoft.Extensions.DependencyInjection;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// The usage batch requests of one ledger batch, applied as one: their events, request after request in queue order,
/// are planned and written by <see cref="SetwiseUsage"/> together, as if they were one request's (a key used in an
/// earlier request of the group is a duplicate of it, as it would be once that request's row is written). Each batch's
/// sub-accounts, wallets and lots are then read, guarded and updated once per ledger batch rather than once per request,
/// under one savepoint. When the plan is out of the common case or the database changed since its reads, nothing of it
/// is written or settled, and every request runs on its own (set-wise alone, or one event at a time).
/// </summary>
internal static class UsageBatches
{
    public static async Task ApplyAsync(IServiceProvider services, IReadOnlyList<UsageBatchOperation> batches, CancellationToken ct)
    {
        var setwise = services.GetRequiredService<SetwiseUsage>();
        var events = new List<(Common.Tenant, UsageEvent)>(batches.Sum(b => b.Events.Count));
        foreach (var batch in batches)
        {
            events.AddRange(batch.Events.Select(e => (batch.Caller, e)));
        }
        if (await setwise.PlanAsync(events, ct) is not { } plan || await setwise.WriteAsync(plan, ct) is not { } results)
        {
            return;
        }
        var next = 0;
        foreach (var batch in batches)
        {
            var own = new UsageResult[batch.Events.Count];
            for (var i = 0; i < own.Length; i++) own[i] = results[next++];
            batch.Decide(own);
        }
    }
}
