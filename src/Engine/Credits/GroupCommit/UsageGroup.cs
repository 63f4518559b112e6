using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// The single usage debits of one batch, applied together by <see cref="SetwiseUsage"/>: their Idempotency-Key records
/// read with the debits' facts (a key seen before replays its reply), the debits decided in memory in queue order, and
/// written with the replies to store, under one savepoint. A key that comes twice in the group leaves its later requests to the
/// one-by-one path, which runs after and finds the first's record. When the group cannot be applied set-wise (out of
/// the common case, or the database changed), nothing of it is written or answered, and every debit runs one by one.
/// </summary>
internal static class UsageGroup
{
    /// <summary>Applies the group, after locking <paramref name="lockFirst"/> (<see cref="SubAccountLock.TakeAllAsync"/>; on PostgreSQL in the same round trip as its first reads).</summary>
    public static async Task ApplyAsync(IServiceProvider services, IReadOnlyList<IUsageOperation> operations, IReadOnlyList<SubAccountId> lockFirst, CancellationToken ct)
    {
        var db = services.GetRequiredService<EngineDbContext>();
        using var sql = new RawSql(db);
        var locks = SubAccountLock.Taking(sql, lockFirst);
        if (locks.Count == 0) await SubAccountLock.TakeAllAsync(db, lockFirst, ct);
        var keys = new HashSet<(string Scope, string Key)>();
        var group = operations.Where(o => o.Request is null || keys.Add((o.Request.Scope, o.Request.Key))).ToList();
        var requests = services.GetRequiredService<IdempotentRequests>();
        var seen = new Dictionary<(string Scope, string Key), SeenRequest>();
        bool Seen(IUsageOperation operation) => operation.Request is { } r && seen.ContainsKey((r.Scope, r.Key));
        var setwise = services.GetRequiredService<SetwiseUsage>();
        var plan = await setwise.PlanAsync(group.Select(o => (o.Caller, o.Usage)).ToList(), ct,
            [.. locks, .. requests.Finding(group.Select(o => o.Request).OfType<KeyedRequest>().ToList(), seen)], i => Seen(group[i]));
        if (plan is null)
        {
            return;
        }
        var replies = new List<(KeyedRequest Request, StoredReply Reply)>();
        for (var i = 0; i < group.Count; i++)
        {
            if (plan.Results[i] is { } result && group[i].Decide(result) is { } reply) replies.Add((group[i].Request!, reply));
        }
        if (await setwise.WriteAsync(plan, ct, requests.Storing(replies)) is null)
        {
            foreach (var operation in group) operation.Unsettle();
            return;
        }
        foreach (var operation in group.Where(Seen))
        {
            operation.Replay(seen[(operation.Request!.Scope, operation.Request.Key)]);
        }
    }
}
