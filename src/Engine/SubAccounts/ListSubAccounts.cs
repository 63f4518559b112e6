using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.SubAccounts;

public sealed class ListSubAccounts(EngineDbContext db)
{
    public async Task<Page<SubAccount>> HandleAsync(AgencyId agencyId, PageRequest page, CancellationToken ct)
    {
        var rows = await db.SubAccounts.WithSpecification(new SubAccountsOfAgencySpec(agencyId, page.After))
            .Take(page.Limit + 1)
            .ToListAsync(ct);
        return page.ToPage(rows, s => s.Email);
    }
}
