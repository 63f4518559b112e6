using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>A sub-account's spendable balance: the wallet's credits less any that have expired but not been swept yet.</summary>
public sealed class GetBalance(EngineDbContext db, TimeProvider clock)
{
    public async Task<Result<Balance>> HandleAsync(Tenant tenant, SubAccountId id, bool callerSeesPool, CancellationToken ct)
    {
        var subAccount = await db.SubAccounts.AsNoTracking().Include(s => s.Agency)
            .WithSpecification(new SubAccountByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (subAccount is null)
        {
            return new NotFound("sub-account");
        }
        var now = clock.GetUtcNow();
        var own = await SpendableAsync(subAccount.WalletId, now, ct);
        long? credits = subAccount.CreditMode == CreditMode.Reselling
            ? own
            : callerSeesPool ? await SpendableAsync(subAccount.Agency!.PoolWalletId, now, ct) : null;
        return new Balance(subAccount.CreditMode, credits, own, subAccount.UsedIn(SubAccount.MonthOf(now)), subAccount.UsageCapPerMonth);
    }

    private async Task<long> SpendableAsync(WalletId walletId, DateTimeOffset now, CancellationToken ct)
    {
        var balance = await db.Wallets.Where(w => w.Id == walletId).Select(w => w.Balance).SingleAsync(ct);
        var expired = await db.CreditLots.Where(l => l.WalletId == walletId && l.Remaining > 0 && l.ExpiresAt <= now)
            .SumAsync(l => l.Remaining, ct);
        return balance - expired;
    }
}
