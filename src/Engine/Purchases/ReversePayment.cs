using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Takes back the credits of money that went back: in proportion to the amount reversed so far, down to zero at
/// most. What the wallet no longer holds is recorded as a debt on the sub-account, for the agency to see (only while that
/// agency still owns the account: a former owner's is its own loss). Stripe reports cumulative amounts, so a repeated or
/// reordered event changes nothing twice. A lost dispute also pauses the account's Stripe auto-recharge, so that the
/// disputed card is not charged again on its own.
/// </summary>
public sealed class ReversePayment(
    EngineDbContext db, LedgerWriter ledger, Notifications.Mailer mailer, AutoRechargePause pause, TimeProvider clock, ILogger<ReversePayment> logger)
{
    public async Task<bool> HandleAsync(string accountId, string paymentIntentId, long amountReversedTotal, ReversalKind kind, CancellationToken ct)
    {
        var paid = await PaidChargeAsync(accountId, paymentIntentId, ct);
        if (paid is null)
        {
            logger.LogWarning("A {Kind} for payment {PaymentIntent} on {Account} matches no fulfilled purchase or granted recharge", kind, paymentIntentId, accountId);
            return false;
        }
        var reversed = await ReverseAsync(paid, paymentIntentId, amountReversedTotal, kind, ct);
        // Another event for the same payment recorded its total between our read and our claim (two refunds close
        // together): read what it recorded and take back whatever our larger total still leaves. A lost claim means
        // another one raised the credits reversed, which never exceed the credits paid, so this ends.
        for (var round = 0; reversed is null && round < 100; round++)
        {
            paid = await PaidChargeAsync(accountId, paymentIntentId, ct);
            reversed = paid is null ? false : await ReverseAsync(paid, paymentIntentId, amountReversedTotal, kind, ct);
        }
        if (reversed is null)
        {
            throw new InvalidOperationException($"Reversing payment {paymentIntentId} kept losing to other events; Stripe will deliver it again.");
        }
        if (kind == ReversalKind.Dispute)
        {
            await PauseAutoRechargeAsync(paid!, accountId, ct);
        }
        return reversed.Value;
    }

    // True when credits went back, false when nothing more was due, null when another event's claim came first.
    private async Task<bool?> ReverseAsync(PaidCharge paid, string paymentIntentId, long amountReversedTotal, ReversalKind kind, CancellationToken ct)
    {
        var reversedTotal = Math.Clamp(amountReversedTotal, 0, paid.Amount);
        var creditsDue = paid.Credits * reversedTotal / paid.Amount;
        var delta = creditsDue - paid.CreditsReversed;
        if (delta <= 0)
        {
            // No credit's worth more went back (a refund smaller than one credit's price): the money is still recorded,
            // for the sales reports and the spend cap.
            if (reversedTotal > paid.AmountReversed)
            {
                await RecordAmountAsync(paid, reversedTotal, ct);
            }
            return false;
        }

        var result = await db.InTransactionAsync<bool?>(async token =>
        {
            var now = clock.GetUtcNow();
            if (await ClaimAsync(paid, creditsDue, reversedTotal, kind, token) == 0)
            {
                return (bool?)null; // A concurrent event for the same payment got here first.
            }
            var subAccount = paid.SubAccount!;
            await SubAccounts.SubAccountLock.TakeAsync(db, subAccount.Id, token);
            // The account's wallet as it is now, under the row lock a hand-over takes too: one that committed after the
            // payment was read has moved the credits to a new wallet, and they are taken back from there.
            var walletId = await db.SubAccounts.Where(s => s.Id == subAccount.Id).Select(s => s.WalletId).SingleAsync(token);
            var wallet = await db.Wallets.AsNoTracking().Where(w => w.Id == walletId).Select(w => new WalletRef(w.Id, w.AgencyId, w.Kind)).SingleAsync(token);
            // The credits go back to the agency that sold them and was paid (the purchase's or recharge's), whoever owns the account
            // today: after a hand-over to the client, the account's agency is another one (as CheckoutGrant issues them).
            var sellerRefunded = subAccount.AgencyId == paid.AgencyId
                ? subAccount.Agency!.RefundedWalletId
                : await db.Agencies.AsNoTracking().Where(a => a.Id == paid.AgencyId).Select(a => a.RefundedWalletId).SingleAsync(token);
            var refunded = new WalletRef(sellerRefunded, paid.AgencyId, WalletKind.Refunded);
            var posted = await ledger.TransferUpToAsync(wallet, refunded, new Credits.Credits(delta),
                new TransferDetails(paid.AgencyId, subAccount.Id, kind == ReversalKind.Dispute ? TransactionType.Reversal : TransactionType.Refund)
                {
                    Description = kind == ReversalKind.Dispute ? $"Dispute lost: {paid.Description}" : $"Refund: {paid.Description}",
                    Reference = paymentIntentId,
                    IdempotencyKey = $"{kind.ToString().ToLowerInvariant()}:{paymentIntentId}:{creditsDue}",
                    FirstFrom = paid.Grant, // the credits this payment bought, while its lot holds any; then the usual order
                    At = now,
                }, token);
            if (!posted.IsSuccess)
            {
                throw new InvalidOperationException($"Reversing payment {paymentIntentId} failed: {posted.Error.Detail}");
            }
            var taken = posted.Value?.Credits is { } c ? -c : 0;
            var shortfall = delta - taken;
            // What the wallet no longer holds is owed to the seller while it still owns the account. After a hand-over it
            // stays the seller's loss (in its audit): the new owner never had that debt, so it neither sees it nor collects
            // it from the credits it sells next, and the account is not held back from moving on.
            var owedToOwner = wallet.AgencyId == paid.AgencyId;
            if (shortfall > 0 && owedToOwner)
            {
                await db.SubAccounts.Where(s => s.Id == subAccount.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.DebtCredits, s => s.DebtCredits + shortfall), token);
            }
            if (kind == ReversalKind.Refund)
            {
                mailer.Send(new Notifications.EmailRequest(Notifications.EmailKind.Refund, subAccount.Email, subAccount.Name, paid.AgencyId)
                {
                    SubAccountId = subAccount.Id, PackName = paid.Description, Credits = taken + shortfall,
                    AmountMinor = reversedTotal - paid.AmountReversed, Currency = paid.Currency,
                    Reference = paid.PurchaseId?.ToString() ?? paid.RechargeId.ToString(),
                });
            }
            db.AuditEvents.Add(AuditEvent.Record(Actor.System, $"purchase.{kind.ToString().ToLowerInvariant()}", paid.AgencyId, subAccount.Id,
                new { purchaseId = paid.PurchaseId, rechargeId = paid.RechargeId, amountReversed = reversedTotal, creditsTaken = taken,
                    debt = owedToOwner ? shortfall : 0, lostAfterHandOver = owedToOwner ? 0 : shortfall }, now));
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return result.Value;
    }

    // A lost dispute, whatever credits it moved: the card saved on this Stripe account is not charged again on its own
    // until the agency turns auto-recharge on again. An account handed over since charges another card, on another account.
    private async Task PauseAutoRechargeAsync(PaidCharge paid, string accountId, CancellationToken ct)
    {
        var subAccount = paid.SubAccount!;
        if (subAccount.AutoRecharge is not { Enabled: true, Provider: RechargeProvider.Stripe } || subAccount.AutoRechargePausedAt is not null
            || subAccount.Agency!.StripeAccountId != accountId)
        {
            return;
        }
        await db.InTransactionAsync<bool>(async token =>
        {
            await pause.PauseAsync(subAccount, AutoRechargePauseCause.Dispute, $"a payment ({paid.Description}) was disputed and the bank took the money back. " +
                "The agency can turn them on again in the account's auto-recharge settings.", clock.GetUtcNow(), token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
    }

    // A checkout's purchase, else an auto-recharge's off-session charge, paid on this connected account.
    private async Task<PaidCharge?> PaidChargeAsync(string accountId, string paymentIntentId, CancellationToken ct)
    {
        var purchase = await db.Purchases.AsNoTracking().Include(p => p.SubAccount).ThenInclude(s => s!.Agency)
            .SingleOrDefaultAsync(p => p.PaymentIntentId == paymentIntentId && p.StripeAccountId == accountId, ct);
        if (purchase is not null)
        {
            if (purchase.State == PurchaseState.Pending)
            {
                return null;
            }
            var grantKey = $"checkout:{purchase.CheckoutSessionId}";
            var grant = await db.LedgerTransactions.AsNoTracking()
                .Where(t => t.IdempotencyScope == Idempotency.IdempotencyScopes.System && t.IdempotencyKey == grantKey)
                .Select(t => (TransactionId?)t.Id).SingleOrDefaultAsync(ct);
            return new PaidCharge(purchase.Id, null, purchase.AgencyId, purchase.SubAccount!, purchase.Amount, purchase.Credits,
                purchase.CreditsReversed, purchase.AmountRefunded, purchase.Description, purchase.Currency, grant);
        }
        var recharge = await db.Recharges.AsNoTracking()
            .Where(r => r.PaymentIntentId == paymentIntentId && r.Provider == RechargeProvider.Stripe && r.State == RechargeState.Granted
                && r.Amount != null && r.CreditsGranted != null && db.Agencies.Any(a => a.Id == r.AgencyId && a.StripeAccountId == accountId))
            .SingleOrDefaultAsync(ct);
        if (recharge is null)
        {
            return null;
        }
        var subAccount = await db.SubAccounts.AsNoTracking().Include(s => s.Agency).SingleAsync(s => s.Id == recharge.SubAccountId, ct);
        return new PaidCharge(null, recharge.Id, recharge.AgencyId, subAccount, recharge.Amount!.Value, recharge.CreditsGranted!.Value,
            recharge.CreditsReversed, recharge.AmountReversed, "Auto-recharge", recharge.Currency ?? "", recharge.GrantTransactionId);
    }

    // Only ever raises the amount: Stripe's totals only grow, so an older event arriving late changes nothing.
    private Task<int> RecordAmountAsync(PaidCharge paid, long reversedTotal, CancellationToken ct)
    {
        if (paid.PurchaseId is { } purchaseId)
        {
            return db.Purchases.Where(p => p.Id == purchaseId && p.AmountRefunded < reversedTotal)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.AmountRefunded, reversedTotal), ct);
        }
        var rechargeId = paid.RechargeId!.Value;
        return db.Recharges.Where(r => r.Id == rechargeId && r.AmountReversed < reversedTotal)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.AmountReversed, reversedTotal), ct);
    }

    // Records what has gone back, if no other event for the payment recorded something else first.
    private Task<int> ClaimAsync(PaidCharge paid, long creditsDue, long reversedTotal, ReversalKind kind, CancellationToken ct)
    {
        if (paid.PurchaseId is { } purchaseId)
        {
            var state = kind == ReversalKind.Dispute ? PurchaseState.Disputed : PurchaseState.Refunded;
            return db.Purchases.Where(p => p.Id == purchaseId && p.CreditsReversed == paid.CreditsReversed).ExecuteUpdateAsync(set => set
                .SetProperty(p => p.CreditsReversed, creditsDue)
                .SetProperty(p => p.AmountRefunded, reversedTotal)
                .SetProperty(p => p.State, state), ct);
        }
        var rechargeId = paid.RechargeId!.Value;
        return db.Recharges.Where(r => r.Id == rechargeId && r.CreditsReversed == paid.CreditsReversed).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.CreditsReversed, creditsDue)
            .SetProperty(r => r.AmountReversed, reversedTotal), ct);
    }
}
