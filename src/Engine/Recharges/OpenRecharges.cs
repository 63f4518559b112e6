using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Recharges;

/// <summary>The sub-account's pointer at its one open recharge, released in the transaction that closes the recharge.</summary>
internal static class OpenRecharges
{
    public static Task<int> ReleaseAsync(EngineDbContext db, SubAccountId subAccountId, RechargeId rechargeId, CancellationToken ct) =>
        db.SubAccounts.Where(s => s.Id == subAccountId && s.OpenRechargeId == rechargeId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.OpenRechargeId, (RechargeId?)null), ct);
}
