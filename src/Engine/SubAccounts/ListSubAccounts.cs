using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>An agency's sub-accounts by email, in pages; a cursor's position is the last email of the page before.</summary>
public sealed class ListSubAccounts(EngineDbContext db)
{
    public async Task<Result<Page<SubAccount>>> HandleAsync(AgencyId agencyId, PageRequest page, CancellationToken ct)
    {
        if (page.After is { } after && !after.Contains('@', StringComparison.Ordinal))
        {
            return PageRequest.UnknownCursor(); // Not an email, so not a position this list wrote.
        }
        var rows = await db.SubAccounts.WithSpecification(new SubAccountsOfAgencySpec(agencyId, page.After))
            .Take(page.Limit + 1)
            .ToListAsync(ct);
        return page.ToPage(rows, s => s.Email);
    }
}
