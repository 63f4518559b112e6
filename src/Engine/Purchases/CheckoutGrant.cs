using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Telemetry;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// The write of <see cref="FulfillCheckout"/>, run by the ledger writer inside its batch transaction: marks the purchase
/// fulfilled (a conditional UPDATE, so a second delivery of the session, even in the same batch, grants nothing), posts
/// the credits under the ledger key <c>checkout:{sessionId}</c> (repaying the account's debt first,
/// <see cref="DebtRepayment"/>), and queues the receipt, the audit event and the agency's
/// webhook with it. Returns false when the purchase was fulfilled already.
/// </summary>
internal sealed class CheckoutGrant(EngineDbContext db, DebtRepayment debts, Notifications.Mailer mailer, WebhookEvents webhooks, TimeProvider clock)
{
    /// <param name="inBatch">Run by the ledger writer in a batch's own context (not inline in a caller's transaction).</param>
    public async Task<bool> GrantAsync(Purchase purchase, CheckoutStatus session, bool inBatch, CancellationToken ct)
    {
        var sessionId = session.Id;
        var granted = await db.InTransactionAsync<bool>(async token =>
        {
            var now = clock.GetUtcNow();
            using var sql = new CheckoutGrantSql(db);
            if (!await sql.ClaimAsync(purchase.Id, session, now, token))
            {
                return false; // Someone else fulfilled it between our read and our write.
            }
            var subAccount = purchase.SubAccount!;
            if (!inBatch)
            {
                // A batch took every operation's sub-account row before it ran any (or, on SQLite, holds the only write lock).
                await SubAccounts.SubAccountLock.TakeAsync(db, subAccount.Id, token);
            }
            var (wallet, issuance) = await WhereToGrantAsync(sql, purchase, token);
            var (balance, grant) = await sql.TransferAsync(issuance, wallet, purchase.Credits,
                new TransferDetails(purchase.AgencyId, subAccount.Id, TransactionType.Purchase)
                {
                    Description = purchase.Description,
                    Reference = sessionId,
                    IdempotencyKey = $"checkout:{sessionId}",
                    At = now,
                }, now, token);
            LedgerCommits.Written(db, TransactionType.Purchase); // counted once the transaction commits
            var repaid = await debts.RepayAsync(subAccount.Id, wallet, purchase.AgencyId, purchase.Credits, grant, sessionId, now, token);
            balance -= repaid;
            if (session.CustomerId is not null && subAccount.StripeCustomerId is null)
            {
                // The customer lives on the seller's Stripe account: an account handed over since this checkout opened
                // buys on its new owner's account, where that customer does not exist.
                await db.SubAccounts.Where(s => s.Id == subAccount.Id && s.StripeCustomerId == null && s.AgencyId == purchase.AgencyId)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.StripeCustomerId, session.CustomerId), token);
            }
            mailer.Send(new Notifications.EmailRequest(Notifications.EmailKind.PurchaseReceipt, subAccount.Email, subAccount.Name, purchase.AgencyId)
            {
                SubAccountId = subAccount.Id, PackName = purchase.Description, Credits = purchase.Credits,
                AmountMinor = purchase.Amount, Currency = purchase.Currency, Reference = purchase.Id.ToString(),
                Balance = balance, DebtRepaid = repaid > 0 ? repaid : null,
            });
            db.AuditEvents.Add(AuditEvent.Record(Actor.System, "purchase.fulfilled", purchase.AgencyId, subAccount.Id,
                new { purchaseId = purchase.Id, purchase.Credits, purchase.Amount, purchase.Currency, sessionId }, now));
            await webhooks.PublishAsync(purchase.AgencyId, WebhookEventTypes.Purchased, new
            {
                subAccountId = subAccount.Id, purchaseId = purchase.Id, credits = purchase.Credits, amount = purchase.Amount,
                currency = purchase.Currency, balance,
                source = purchase.Origin == PurchaseOrigin.Recharge ? "auto_recharge_recovery" : "checkout",
            }, token, subAccount.Id);
            await db.SaveChangesAsync(token);
            if (inBatch)
            {
                // The batch's grants share this context: let go of what this one wrote (all saved), so that the next
                // grant's saves, and the interceptors that look at every tracked entry on each save, do not scan it again.
                db.ChangeTracker.Clear();
            }
            return true;
        }, ct);
        return granted.Value;
    }

    /// <summary>
    /// Read under the account's lock, not when the webhook arrived: an ownership transfer accepted meanwhile gives the
    /// account new wallets at its new owner, and the credits go to the wallet it has now. They are issued by the
    /// agency that sold them and was paid (the purchase's), whoever owns the account today.
    /// </summary>
    private async Task<(WalletRef Wallet, WalletRef Issuance)> WhereToGrantAsync(CheckoutGrantSql sql, Purchase purchase, CancellationToken ct)
    {
        var wallet = await sql.WalletOfAsync(purchase.SubAccountId, ct);
        // purchase.SubAccount.Agency is the account's agency when the webhook arrived.
        return (wallet, await GrantTargets.IssuanceOfAsync(db, purchase.SubAccount!.Agency, purchase.AgencyId, ct));
    }
}
