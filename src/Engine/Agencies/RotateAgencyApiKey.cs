using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Agencies;

/// <summary>Issues a new key and revokes every earlier one at once: a leaked key stops working immediately.</summary>
public sealed class RotateAgencyApiKey(EngineDbContext db, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(AgencyId agencyId, CancellationToken ct)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            return new NotFound("agency");
        }
        var now = clock.GetUtcNow();
        var active = await db.ApiKeys.Where(k => k.AgencyId == agencyId && k.RevokedAt == null).ToListAsync(ct);
        active.ForEach(k => k.Revoke(now));
        var (key, plaintext) = ApiKey.Issue(agencyId, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return plaintext;
    }
}
