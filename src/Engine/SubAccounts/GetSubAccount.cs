using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.SubAccounts;

public sealed class GetSubAccount(EngineDbContext db)
{
    public async Task<Result<SubAccount>> HandleAsync(Tenant tenant, SubAccountId id, CancellationToken ct)
    {
        var subAccount = await db.SubAccounts.AsNoTracking().WithSpecification(new SubAccountByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        return subAccount is null ? new NotFound("sub-account") : subAccount;
    }
}
