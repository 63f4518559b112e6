using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Agencies;

public sealed class GetAgencySummary(EngineDbContext db)
{
    public async Task<Result<AgencySummary>> HandleAsync(AgencyId agencyId, CancellationToken ct)
    {
        var row = await db.Agencies.AsNoTracking()
            .Where(a => a.Id == agencyId)
            .Select(a => new
            {
                Agency = a,
                Pool = db.Wallets.Where(w => w.Id == a.PoolWalletId).Select(w => w.Balance).Single(),
                SubAccounts = db.SubAccounts.Count(s => s.AgencyId == a.Id),
            })
            .SingleOrDefaultAsync(ct);
        return row is null ? new NotFound("agency") : new AgencySummary(row.Agency, row.Pool, row.SubAccounts);
    }
}
