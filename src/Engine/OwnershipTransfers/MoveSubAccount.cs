using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Campaigns;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.OwnershipTransfers;

/// <summary>
/// Moves a sub-account, its users and its own credits to another agency, inside the caller's transaction.
/// A wallet belongs to one agency (every entry carries its wallet's agency), so the account gets new wallets at its
/// new owner and each live lot of the old wallet moves there as one <see cref="TransactionType.Transfer"/> with the
/// same expiry and kind: double entry, nothing created or lost. Lots that had already expired leave first for the old
/// agency's expired sink, as any debit would do with them, even when no live lot moves. The old wallets stay, empty, with their
/// history at the old agency. The account's campaigns move too (<see cref="MoveAccountCampaigns"/>).
/// </summary>
public sealed class MoveSubAccount(EngineDbContext db, LedgerWriter ledger, MoveAccountCampaigns campaigns, TimeProvider clock)
{
    /// <summary>Returns the credits that moved.</summary>
    public async Task<Result<long>> HandleAsync(SubAccount account, AgencyId to, Ownership ownership, CancellationToken ct)
    {
        await SubAccountLock.TakeAsync(db, account.Id, ct);
        var from = account.Wallet;
        Wallet[] wallets = [Wallet.Open(to, WalletKind.SubAccount, account.Id), Wallet.Open(to, WalletKind.Consumed, account.Id)];
        db.Wallets.AddRange(wallets);
        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow();
        await ledger.ExpireLotsAsync(from, now, ct);
        var lots = (await db.CreditLots.AsNoTracking().Where(l => l.WalletId == from.Id && l.Remaining > 0).ToListAsync(ct))
            .Where(l => !(l.ExpiresAt <= now)).Order(LotOrder.Instance).ToList();
        var moved = 0L;
        foreach (var lot in lots)
        {
            var details = new TransferDetails(from.AgencyId, account.Id, TransactionType.Transfer)
            {
                Description = ownership == Ownership.Client ? "Credits moved with the account to its owner" : "Credits moved with the account to its new agency",
                At = now,
                LotTerms = new LotTerms(lot.ExpiresAt, lot.Promotional),
            };
            var posted = await ledger.TransferAsync(from, wallets[0].Ref, new Credits.Credits(lot.Remaining), details, ct);
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }
            moved += lot.Remaining;
        }

        await campaigns.HandleAsync(account.Id, account.AgencyId, to, ct);
        var month = SubAccount.MonthOf(now);
        account.MoveTo(to, ownership, wallets[0].Id, wallets[1].Id, month, await MonthUsage.CountedAsync(db, account.Id, CreditMode.Reselling, month, ct));
        foreach (var membership in await db.Memberships.Where(m => m.SubAccountId == account.Id).ToListAsync(ct))
        {
            membership.MoveTo(to);
        }
        return moved;
    }
}
