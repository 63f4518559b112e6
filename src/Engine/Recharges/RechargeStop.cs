using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// Why an open Stripe recharge must not be charged any more, read again before every attempt (a retry after Stripe was
/// unreachable can come many minutes after the dip): auto-recharge turned off or paused, the account paused, the agency
/// suspended, or the monthly spend cap it would now exceed. <see cref="Code"/> is stable, <see cref="Reason"/> is for people.
/// </summary>
public sealed record RechargeStop(string Code, string Reason)
{
    public static async Task<RechargeStop?> ForAsync(
        EngineDbContext db, Recharge recharge, SubAccount subAccount, DateTimeOffset now, CancellationToken ct)
    {
        if (subAccount.AutoRecharge is not { Enabled: true, Provider: RechargeProvider.Stripe })
        {
            return new("auto_recharge_off", "Auto-recharge was turned off before the card was charged.");
        }
        if (subAccount.AutoRechargePausedAt is not null)
        {
            return new("auto_recharge_paused", $"Auto-recharge was paused before the card was charged: {subAccount.AutoRechargePauseReason}");
        }
        if (subAccount.Paused)
        {
            return new("account_paused", "The account was paused before the card was charged.");
        }
        if (subAccount.Agency!.Status != AgencyStatus.Active)
        {
            return new("agency_suspended", "The agency was suspended before the card was charged.");
        }
        if (subAccount.AutoRechargeMonthlySpendCap is not { } cap)
        {
            return null;
        }
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var spent = await db.Recharges
            .Where(r => r.SubAccountId == subAccount.Id && r.Provider == RechargeProvider.Stripe && r.State == RechargeState.Granted
                && r.GrantedAt >= monthStart && r.Currency == recharge.Currency)
            .SumAsync(r => (r.Amount ?? 0) - r.AmountReversed, ct); // less what refunds and lost disputes gave back
        return spent + recharge.Amount > cap
            ? new(RechargeOutcomes.SpendCapCode,
                $"monthly_spend_cap: {spent} + {recharge.Amount} {recharge.Currency} would exceed this month's cap of {cap}.")
            : null;
    }
}
