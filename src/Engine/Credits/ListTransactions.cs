using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits;

/// <summary>An agency's ledger, newest first, filtered, in pages.</summary>
public sealed class ListTransactions(EngineDbContext db)
{
    public async Task<Result<Page<LedgerTransaction>>> HandleAsync(
        AgencyId agencyId, TransactionFilter filter, PageRequest page, CancellationToken ct)
    {
        var after = page.NumberAfter();
        if (!after.IsSuccess)
        {
            return after.Error;
        }
        var before = after.Value;
        if (await filter.CheckAsync(db, agencyId, ct) is { } invalid)
        {
            return invalid;
        }

        var query = db.LedgerTransactions.AsNoTracking().WithSpecification(new TransactionsOfAgencySpec(agencyId, filter));
        if (before is { } b)
        {
            query = query.Where(t => t.Sequence < b);
        }
        var rows = await query.OrderByDescending(t => t.Sequence).Take(page.Limit + 1).ToListAsync(ct);
        return page.ToPage(rows, t => t.Sequence.ToString(CultureInfo.InvariantCulture));
    }
}
