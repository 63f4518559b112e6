using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Idempotency;

/// <summary>
/// Runs keyed work at most once per key and scope, inside the caller's transaction (the ledger writer's batch): a key
/// seen before replays its stored reply (or is refused when the request differs); otherwise the work runs and its reply
/// is stored in the same transaction, so the two commit or vanish together. Twins in one batch run one after the
/// other, and the second finds the first's record. Replies of 500 and above are not stored.
/// </summary>
public sealed class IdempotentRequests(EngineDbContext db, TimeProvider clock)
{
    public async Task<Keyed<T>> RunAsync<T>(KeyedRequest request, Func<CancellationToken, Task<T>> work, Func<T, StoredReply> render, CancellationToken ct)
    {
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.Scope == request.Scope && r.Key == request.Key)
            .Select(r => new { r.RequestHash, Reply = new StoredReply(r.StatusCode, r.ContentType, r.Location, r.ResponseBody) })
            .SingleOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing.RequestHash == request.RequestHash ? Keyed<T>.Replay(existing.Reply) : Keyed<T>.Reused();
        }
        var value = await work(ct);
        var reply = render(value);
        if (reply.StatusCode < 500)
        {
            db.IdempotencyRecords.Add(IdempotencyRecord.Complete(request, reply, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return Keyed<T>.Fresh(value, reply);
    }
}
