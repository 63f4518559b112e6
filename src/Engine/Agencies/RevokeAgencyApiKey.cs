using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Team;

namespace ResellerKit.Engine.Agencies;

/// <summary>
/// An owner revokes the agency's key without issuing another: it stops working at once on every node (the
/// <see cref="ApiKeyStamp"/> changes in the same SaveChanges), and the agency has no key until an owner issues one. Nothing
/// needs an agency to hold a key: the platform's key, the storefront and the widget's sessions already issued go on.
/// </summary>
public sealed class RevokeAgencyApiKey(EngineDbContext db, TimeProvider clock)
{
    public async Task<Result<ApiKeyHint>> HandleAsync(AgencyId agencyId, Guid by, Actor actor, CancellationToken ct)
    {
        if (await TeamSeat.FindAsync(db, agencyId, by, ct) is not { IsOwner: true })
        {
            return new ApiKeyOwnersOnly();
        }
        await using var own = db.Database.CurrentTransaction is null ? await WriteTransaction.BeginAsync(db, nameof(RevokeAgencyApiKey), ct) : null;
        await AgencyLock.TakeAsync(db, agencyId, ct); // after a replacement under way, so its new key is revoked too
        var active = await db.ApiKeys.WithSpecification(new ActiveApiKeysOfAgencySpec(agencyId)).ToListAsync(ct);
        if (active.Count == 0)
        {
            return new NotFound("API key");
        }
        var now = clock.GetUtcNow();
        active.ForEach(k => k.Revoke(now));
        db.AuditEvents.Add(AuditEvent.Record(actor, "api_key.revoked", agencyId, null, new { previous = active.Select(k => k.Prefix).ToArray() }, now));
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return ApiKeyHint.Of(active[0]);
    }
}
