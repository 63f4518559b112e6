using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// A refund or a lost dispute may arrive before the payment it reverses was granted: Stripe does not order its events,
/// and the payment's own event (a checkout's, an auto-recharge's) may have failed and wait for a redelivery. Before a
/// reversal, a payment not granted yet is granted as its own event would grant it, from what the gateway reports (each
/// grant happens once), so that the money that went back takes its credits with it and the late event adds nothing.
/// </summary>
public sealed class GrantBeforeReversal(EngineDbContext db, IPaymentGateway gateway, FulfillCheckout fulfill, GrantPaidRecharge recharges)
{
    public async Task HandleAsync(string accountId, string paymentIntentId, CancellationToken ct)
    {
        // The common case: the payment was granted long before (its purchase or recharge holds its payment intent).
        if (await db.Purchases.AnyAsync(p => p.PaymentIntentId == paymentIntentId && p.StripeAccountId == accountId, ct)
            || await db.Recharges.AnyAsync(r => r.PaymentIntentId == paymentIntentId && r.GrantTransactionId != null, ct)
            || await gateway.GetPaymentIntentAsync(accountId, paymentIntentId, ct) is not { } intent)
        {
            return;
        }
        if (intent.Metadata.TryGetValue(StartCheckout.PurchaseIdKey, out var named) && Guid.TryParse(named, out var id))
        {
            var purchaseId = new PurchaseId(id);
            var session = await db.Purchases.AsNoTracking()
                .Where(p => p.Id == purchaseId && p.StripeAccountId == accountId && p.State == PurchaseState.Pending)
                .Select(p => p.CheckoutSessionId).SingleOrDefaultAsync(ct);
            if (session is not null)
            {
                await fulfill.HandleAsync(accountId, session, ct);
            }
            return;
        }
        await recharges.HandleAsync(accountId, paymentIntentId, intent.Metadata, ct);
    }
}
