using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>
/// The lock order of every transaction that writes both a sub-account's row and its wallets: the row first, then
/// the wallets. A debit takes them in that order (its cap check is the row's UPDATE), so a grant, fulfilment,
/// refund or recharge that would update the row only after moving credits must take the row's lock up front, or the
/// two deadlock on PostgreSQL. A no-op UPDATE takes the lock and holds it to the end of the open transaction.
/// </summary>
public static class SubAccountLock
{
    public static Task TakeAsync(EngineDbContext db, SubAccountId id, CancellationToken ct) =>
        db.SubAccounts.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.DebtCredits, s => s.DebtCredits), ct);
}
