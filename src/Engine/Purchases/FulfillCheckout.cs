using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Telemetry;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Grants a paid checkout's credits, exactly once. Safe to call many times and concurrently (every webhook retry
/// and replay lands here): it asks Stripe for the session, grants only when it is paid and its amount and currency
/// match the recorded purchase, and guards the grant twice in one transaction: a conditional UPDATE of the
/// purchase's state, and the unique ledger key <c>checkout:{sessionId}</c>. Each grant records the seconds since the
/// session was opened in <c>resellerkit.checkout.fulfilment</c>.
/// </summary>
public sealed class FulfillCheckout(
    EngineDbContext db, LedgerWriter ledger, IPaymentGateway gateway, Notifications.Mailer mailer, WebhookEvents webhooks, TimeProvider clock,
    ILogger<FulfillCheckout> logger)
{
    public async Task<FulfillmentOutcome> HandleAsync(string accountId, string sessionId, CancellationToken ct)
    {
        var purchase = await db.Purchases.AsNoTracking().Include(p => p.SubAccount).ThenInclude(s => s!.Agency)
            .SingleOrDefaultAsync(p => p.CheckoutSessionId == sessionId, ct);
        if (purchase is null)
        {
            logger.LogWarning("Checkout session {SessionId} on {Account} matches no purchase; nothing granted", sessionId, accountId);
            return FulfillmentOutcome.UnknownSession;
        }
        if (purchase.StripeAccountId != accountId)
        {
            logger.LogWarning("Checkout session {SessionId} arrived for account {Account} but belongs to {Expected}; nothing granted",
                sessionId, accountId, purchase.StripeAccountId);
            return FulfillmentOutcome.AccountMismatch;
        }
        if (purchase.State != PurchaseState.Pending)
        {
            return FulfillmentOutcome.AlreadyFulfilled;
        }

        var session = await gateway.GetCheckoutAsync(accountId, sessionId, ct);
        if (session is null || !session.IsPaid)
        {
            return FulfillmentOutcome.NotPaid;
        }
        if (session.AmountTotal != purchase.Amount || !string.Equals(session.Currency, purchase.Currency, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogError("Checkout session {SessionId} was paid {Paid} {PaidCurrency} but purchase {PurchaseId} expected {Amount} {Currency}; nothing granted",
                sessionId, session.AmountTotal, session.Currency, purchase.Id, purchase.Amount, purchase.Currency);
            await db.Purchases.Where(p => p.Id == purchase.Id && p.State == PurchaseState.Pending).ExecuteUpdateAsync(set => set
                .SetProperty(p => p.FailureReason, $"Stripe reported {session.AmountTotal} {session.Currency}, expected {purchase.Amount} {purchase.Currency}."), ct);
            return FulfillmentOutcome.AmountMismatch;
        }

        var granted = await db.InTransactionAsync<bool>(async token =>
        {
            var now = clock.GetUtcNow();
            var claimed = await db.Purchases.Where(p => p.Id == purchase.Id && p.State == PurchaseState.Pending).ExecuteUpdateAsync(set => set
                .SetProperty(p => p.State, PurchaseState.Fulfilled)
                .SetProperty(p => p.FulfilledAt, now)
                .SetProperty(p => p.PaymentIntentId, session.PaymentIntentId)
                .SetProperty(p => p.StripeCustomerId, session.CustomerId), token);
            if (claimed == 0)
            {
                return false; // Someone else fulfilled it between our read and our write.
            }
            var subAccount = purchase.SubAccount!;
            await SubAccounts.SubAccountLock.TakeAsync(db, subAccount.Id, token);
            var posted = await ledger.TransferAsync(subAccount.Agency!.Issuance, subAccount.Wallet, new Credits.Credits(purchase.Credits),
                new TransferDetails(purchase.AgencyId, subAccount.Id, TransactionType.Purchase)
                {
                    Description = purchase.Description,
                    Reference = sessionId,
                    IdempotencyKey = $"checkout:{sessionId}",
                    At = now,
                }, token);
            if (!posted.IsSuccess)
            {
                throw new InvalidOperationException($"Granting purchase {purchase.Id} failed: {posted.Error.Detail}");
            }
            if (session.CustomerId is not null && subAccount.StripeCustomerId is null)
            {
                await db.SubAccounts.Where(s => s.Id == subAccount.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.StripeCustomerId, session.CustomerId), token);
            }
            mailer.Send(new Notifications.EmailRequest(Notifications.EmailKind.PurchaseReceipt, subAccount.Email, subAccount.Name, purchase.AgencyId)
            {
                SubAccountId = subAccount.Id, PackName = purchase.Description, Credits = purchase.Credits,
                AmountMinor = purchase.Amount, Currency = purchase.Currency, Reference = purchase.Id.ToString(),
                Balance = await ledger.BalanceAsync(subAccount.WalletId, token),
            });
            db.AuditEvents.Add(AuditEvent.Record(Actor.System, "purchase.fulfilled", purchase.AgencyId, subAccount.Id,
                new { purchaseId = purchase.Id, purchase.Credits, purchase.Amount, purchase.Currency, sessionId }, now));
            await webhooks.PublishAsync(purchase.AgencyId, WebhookEventTypes.Purchased, new
            {
                subAccountId = subAccount.Id, purchaseId = purchase.Id, credits = purchase.Credits, amount = purchase.Amount,
                currency = purchase.Currency, balance = await ledger.BalanceAsync(subAccount.WalletId, token),
                source = purchase.Origin == PurchaseOrigin.Recharge ? "auto_recharge_recovery" : "checkout",
            }, token, subAccount.Id);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        if (!granted.Value)
        {
            return FulfillmentOutcome.AlreadyFulfilled;
        }
        EngineTelemetry.CheckoutFulfilment.Record((clock.GetUtcNow() - purchase.CreatedAt).TotalSeconds);
        return FulfillmentOutcome.Fulfilled;
    }
}
