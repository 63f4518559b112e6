using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// What the history and its CSV export both check before reading: the window runs forwards, and a named
/// sub-account is the agency's own (another agency's answers 404, as a missing one does).
/// </summary>
public static class TransactionFilterCheck
{
    public static async Task<Error?> CheckAsync(this TransactionFilter filter, EngineDbContext db, AgencyId agencyId, CancellationToken ct)
    {
        if (filter.From is { } from && filter.To is { } to && from > to)
        {
            return ValidationFailed.For("from", "from must not be later than to.");
        }
        if (filter.SubAccountId is { } subAccountId
            && !await db.SubAccounts.WithSpecification(new SubAccountByIdSpec(Tenant.Of(agencyId), subAccountId)).AnyAsync(ct))
        {
            return new NotFound("sub-account");
        }
        return null;
    }
}
