using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>
/// An agency's sub-accounts with their balances, sorted by name, balance or creation, in three queries. A balance is
/// what <see cref="GetBalance"/> reports: the wallet's credits less expired credits not swept yet. Accounts in shared
/// mode have none of their own and sort below every reselling account.
/// </summary>
public sealed class ListSubAccountBalances(EngineDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SubAccountRow>> HandleAsync(AgencyId agencyId, SubAccountSort sort, bool descending, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var subAccounts = await db.SubAccounts.WithSpecification(new SubAccountsOfAgencySpec(agencyId)).ToListAsync(ct);
        var balances = await db.Wallets.Where(w => w.AgencyId == agencyId && w.SubAccountId != null)
            .Select(w => new { w.Id, w.Balance }).ToDictionaryAsync(w => w.Id, w => w.Balance, ct);
        var expired = await db.CreditLots.Where(l => l.AgencyId == agencyId && l.Remaining > 0 && l.ExpiresAt <= now)
            .GroupBy(l => l.WalletId).Select(g => new { g.Key, Credits = g.Sum(l => l.Remaining) })
            .ToDictionaryAsync(g => g.Key, g => g.Credits, ct);
        var rows = subAccounts.Select(s => new SubAccountRow(s, s.CreditMode == CreditMode.Reselling
            ? balances.GetValueOrDefault(s.WalletId) - expired.GetValueOrDefault(s.WalletId)
            : null));
        var sorted = sort switch
        {
            SubAccountSort.Balance => rows.OrderBy(r => r.Balance ?? -1).ThenBy(r => r.SubAccount.Name, StringComparer.CurrentCultureIgnoreCase),
            SubAccountSort.Created => rows.OrderBy(r => r.SubAccount.CreatedAt),
            _ => rows.OrderBy(r => r.SubAccount.Name, StringComparer.CurrentCultureIgnoreCase),
        };
        return [.. descending ? sorted.Reverse() : sorted];
    }
}
