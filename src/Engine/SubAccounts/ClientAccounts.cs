using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>Which sub-account of an agency a signed-in person is a client user of, if any.</summary>
public sealed class ClientAccounts(EngineDbContext db)
{
    public async Task<SubAccount?> OfUserAsync(Guid userId, AgencyId agencyId, CancellationToken ct)
    {
        var subAccountId = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.AgencyId == agencyId && m.SubAccountId != null)
            .OrderBy(m => m.CreatedAt).Select(m => m.SubAccountId).FirstOrDefaultAsync(ct);
        return subAccountId is null
            ? null
            : await db.SubAccounts.AsNoTracking().Include(s => s.Agency).SingleOrDefaultAsync(s => s.Id == subAccountId, ct);
    }
}
