using ResellerKit.Engine.Common;
using ResellerKit.Engine.Idempotency;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// A single usage debit in the ledger writer's queue, which the batch may apply set-wise with the other debits waiting
/// beside it (<see cref="UsageGroup"/>), or else one by one like any operation.
/// </summary>
internal interface IUsageOperation
{
    Tenant Caller { get; }

    UsageEvent Usage { get; }

    /// <summary>The HTTP request's key and hash, when it carried an Idempotency-Key; its reply is stored with the debit.</summary>
    KeyedRequest? Request { get; }

    /// <summary>True once its result is decided set-wise: the batch answers it after the commit and does not run it.</summary>
    bool Settled { get; }

    /// <summary>Settles it with the debit's result; returns the reply to store for its key, if any.</summary>
    StoredReply? Decide(UsageResult result);

    /// <summary>Settles it with its key's record: a replay, or a reused key.</summary>
    void Replay(SeenRequest seen);

    /// <summary>The group was not written after all (the database changed): it runs one by one.</summary>
    void Unsettle();
}

/// <summary>
/// A usage debit answered as <typeparamref name="T"/>: <paramref name="decide"/> maps the debit's result to the answer
/// and the reply to store for its key (if any); <paramref name="replay"/> maps its key's record. <paramref name="work"/>
/// is the same debit, one by one.
/// </summary>
internal sealed class UsageOperation<T>(
    Tenant caller, UsageEvent usage, KeyedRequest? request, Func<UsageResult, (T Answer, StoredReply? Store)> decide,
    Func<SeenRequest, T> replay, Func<IServiceProvider, CancellationToken, Task<T>> work)
    : LedgerOperation<T>(1, [usage.SubAccountId], work), IUsageOperation
{
    public Tenant Caller { get; } = caller;

    public UsageEvent Usage { get; } = usage;

    public KeyedRequest? Request { get; } = request;

    public bool Settled { get; private set; }

    public StoredReply? Decide(UsageResult result)
    {
        var (answer, store) = decide(result);
        Settle(answer);
        Settled = true;
        return store;
    }

    public void Replay(SeenRequest seen)
    {
        Settle(replay(seen));
        Settled = true;
    }

    public void Unsettle() => Settled = false;
}
