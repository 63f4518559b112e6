using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Takes back the credits of money that went back: in proportion to the amount reversed so far, down to zero at
/// most. What the wallet no longer holds is recorded as a debt on the sub-account, for the agency to see. Stripe
/// reports cumulative amounts, so a repeated or reordered event changes nothing twice.
/// </summary>
public sealed class ReversePayment(EngineDbContext db, LedgerWriter ledger, Notifications.Mailer mailer, TimeProvider clock, ILogger<ReversePayment> logger)
{
    public async Task<bool> HandleAsync(string accountId, string paymentIntentId, long amountReversedTotal, ReversalKind kind, CancellationToken ct)
    {
        var purchase = await db.Purchases.AsNoTracking().Include(p => p.SubAccount).ThenInclude(s => s!.Agency)
            .SingleOrDefaultAsync(p => p.PaymentIntentId == paymentIntentId && p.StripeAccountId == accountId, ct);
        if (purchase is null || purchase.State == PurchaseState.Pending)
        {
            logger.LogWarning("A {Kind} for payment {PaymentIntent} on {Account} matches no fulfilled purchase", kind, paymentIntentId, accountId);
            return false;
        }
        var reversedTotal = Math.Clamp(amountReversedTotal, 0, purchase.Amount);
        var creditsDue = purchase.Credits * reversedTotal / purchase.Amount;
        var delta = creditsDue - purchase.CreditsReversed;
        if (delta <= 0)
        {
            return false;
        }

        var result = await db.InTransactionAsync<bool>(async token =>
        {
            var now = clock.GetUtcNow();
            var state = kind == ReversalKind.Dispute ? PurchaseState.Disputed : PurchaseState.Refunded;
            var claimed = await db.Purchases.Where(p => p.Id == purchase.Id && p.CreditsReversed == purchase.CreditsReversed)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.CreditsReversed, creditsDue)
                    .SetProperty(p => p.AmountRefunded, reversedTotal)
                    .SetProperty(p => p.State, state), token);
            if (claimed == 0)
            {
                return false; // A concurrent event for the same payment got here first.
            }
            var subAccount = purchase.SubAccount!;
            await SubAccounts.SubAccountLock.TakeAsync(db, subAccount.Id, token);
            // The credits go back to the agency that sold them and was paid (the purchase's), whoever owns the account
            // today: after a hand-over to the client, the account's agency is another one (as CheckoutGrant issues them).
            var sellerRefunded = subAccount.AgencyId == purchase.AgencyId
                ? subAccount.Agency!.RefundedWalletId
                : await db.Agencies.AsNoTracking().Where(a => a.Id == purchase.AgencyId).Select(a => a.RefundedWalletId).SingleAsync(token);
            var refunded = new WalletRef(sellerRefunded, purchase.AgencyId, WalletKind.Refunded);
            var posted = await ledger.TransferUpToAsync(subAccount.Wallet, refunded, new Credits.Credits(delta),
                new TransferDetails(purchase.AgencyId, subAccount.Id, kind == ReversalKind.Dispute ? TransactionType.Reversal : TransactionType.Refund)
                {
                    Description = kind == ReversalKind.Dispute ? $"Dispute lost: {purchase.Description}" : $"Refund: {purchase.Description}",
                    Reference = paymentIntentId,
                    IdempotencyKey = $"{kind.ToString().ToLowerInvariant()}:{paymentIntentId}:{creditsDue}",
                    At = now,
                }, token);
            if (!posted.IsSuccess)
            {
                throw new InvalidOperationException($"Reversing purchase {purchase.Id} failed: {posted.Error.Detail}");
            }
            var taken = posted.Value?.Credits is { } c ? -c : 0;
            var shortfall = delta - taken;
            if (shortfall > 0)
            {
                await db.SubAccounts.Where(s => s.Id == subAccount.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.DebtCredits, s => s.DebtCredits + shortfall), token);
            }
            if (kind == ReversalKind.Refund)
            {
                mailer.Send(new Notifications.EmailRequest(Notifications.EmailKind.Refund, subAccount.Email, subAccount.Name, purchase.AgencyId)
                {
                    SubAccountId = subAccount.Id, PackName = purchase.Description, Credits = taken + shortfall,
                    AmountMinor = reversedTotal - purchase.AmountRefunded, Currency = purchase.Currency, Reference = purchase.Id.ToString(),
                });
            }
            db.AuditEvents.Add(AuditEvent.Record(Actor.System, $"purchase.{kind.ToString().ToLowerInvariant()}", purchase.AgencyId, subAccount.Id,
                new { purchaseId = purchase.Id, amountReversed = reversedTotal, creditsTaken = taken, debt = shortfall }, now));
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return result.Value;
    }
}
