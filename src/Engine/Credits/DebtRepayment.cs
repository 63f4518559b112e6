using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// Credits that a refund or a lost dispute took back after they had been spent are owed by the account
/// (<see cref="SubAccounts.SubAccount.DebtCredits"/>). Paid credits repay that debt first: in the transaction that grants
/// a purchase or a recharge (by Stripe, or the agency's grant that answers its webhook), and under the account's lock, as much of the debt as the grant covers moves from the
/// account's wallet to the refunded wallet of the agency being paid (a <c>refund</c> transaction under the ledger key
/// <c>debt:{reference}</c>), and the debt falls by as much. The repayment burns the grant's own lot first (the paid
/// credits that repay it), then the usual order, so promotional or soon-expiring credits are not spent on a debt.
/// The debt is always owed to the account's agency (<see cref="Purchases.ReversePayment"/> records none for a former
/// owner, and an account in debt cannot be handed over), so only a payment to that agency repays it: a late payment to
/// a former owner (a recharge it sold before the hand-over) leaves the debt to the agency it is owed to.
/// </summary>
public sealed class DebtRepayment(EngineDbContext db, LedgerWriter ledger)
{
    /// <summary>
    /// Repays up to <paramref name="granted"/> credits of the account's debt from <paramref name="wallet"/> (the account's
    /// wallet as read under its lock, at the agency that owns it now); returns how many. None when the seller is not that agency.
    /// </summary>
    public async Task<long> RepayAsync(
        SubAccountId subAccountId, WalletRef wallet, AgencyId seller, long granted, TransactionId grant, string reference, DateTimeOffset now, CancellationToken ct)
    {
        if (wallet.AgencyId != seller)
        {
            return 0;
        }
        var debt = await db.SubAccounts.Where(s => s.Id == subAccountId).Select(s => s.DebtCredits).SingleAsync(ct);
        var repaid = Math.Min(debt, granted);
        if (repaid <= 0)
        {
            return 0;
        }
        await db.SaveChangesAsync(ct); // the grant's lot, which the repayment may burn, is in the database before its lots are read
        var refunded = await db.Agencies.AsNoTracking().Where(a => a.Id == seller).Select(a => a.RefundedWalletId).SingleAsync(ct);
        var posted = await ledger.TransferAsync(wallet, new WalletRef(refunded, seller, WalletKind.Refunded), new Credits(repaid),
            new TransferDetails(seller, subAccountId, TransactionType.Refund)
            {
                Description = "Repays credits owed from an earlier refund",
                Reference = reference,
                IdempotencyKey = $"debt:{reference}",
                FirstFrom = grant,
                At = now,
            }, ct);
        if (!posted.IsSuccess)
        {
            throw new InvalidOperationException($"Repaying the debt of sub-account {subAccountId} failed: {posted.Error.Detail}");
        }
        await db.SubAccounts.Where(s => s.Id == subAccountId && s.DebtCredits >= repaid)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.DebtCredits, s => s.DebtCredits - repaid), ct);
        return repaid;
    }
}
