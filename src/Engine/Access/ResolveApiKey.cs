using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Access;

/// <summary>Finds the agency a presented key belongs to; revoked keys and suspended agencies find nothing.</summary>
public sealed class ResolveApiKey(EngineDbContext db)
{
    public async Task<AgencyId?> AgencyOfAsync(string presentedKey, CancellationToken ct)
    {
        if (!presentedKey.StartsWith(ApiKeys.AgencyPrefix, StringComparison.Ordinal) || presentedKey.Length > 128)
        {
            return null;
        }
        var hash = ApiKeys.Hash(presentedKey);
        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Join(db.Agencies.Where(a => a.Status == AgencyStatus.Active), k => k.AgencyId, a => a.Id, (k, a) => (AgencyId?)a.Id)
            .SingleOrDefaultAsync(ct);
    }
}
