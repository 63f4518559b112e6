using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// A usage batch request in the ledger writer's queue (one that carried no Idempotency-Key of its own: its events' ids
/// are their keys). The batch requests waiting together are decided and written as one set-wise plan
/// (<see cref="UsageBatches"/>); when that cannot be done, each runs <paramref name="work"/> on its own, as any operation.
/// </summary>
internal sealed class UsageBatchOperation(
    Tenant caller, IReadOnlyList<UsageEvent> events, Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<UsageResult>>> work)
    : LedgerOperation<IReadOnlyList<UsageResult>>(events.Count, events.Select(e => e.SubAccountId).ToArray(), work)
{
    public Tenant Caller { get; } = caller;

    public IReadOnlyList<UsageEvent> Events { get; } = events;

    /// <summary>True once its results are decided and written with the other batches': it is answered after the commit and not run.</summary>
    public bool Settled { get; private set; }

    public void Decide(IReadOnlyList<UsageResult> results)
    {
        Settle(results);
        Settled = true;
    }
}
