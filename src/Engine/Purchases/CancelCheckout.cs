using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// The buyer came back from Stripe's page with "Cancel": the checkout is closed at Stripe, so it can never be paid
/// later, and the purchase reads Expired at once instead of Pending for a day. A checkout Stripe no longer holds open
/// (paid in another tab, expired already) is left to its own event.
/// </summary>
public sealed class CancelCheckout(EngineDbContext db, IPaymentGateway gateway, CloseCheckout close)
{
    public const string Reason = "The buyer cancelled the checkout.";

    /// <summary>
    /// The purchase's state after the attempt (Expired when this call closed it, Pending when it stayed open), or null
    /// when <paramref name="agency"/> has no such purchase, so that the page says what is true.
    /// </summary>
    public async Task<PurchaseState?> HandleAsync(AgencyId agency, PurchaseId purchaseId, CancellationToken ct)
    {
        var purchase = await db.Purchases.AsNoTracking()
            .Where(p => p.Id == purchaseId && p.AgencyId == agency)
            .Select(p => new { p.State, p.StripeAccountId, p.CheckoutSessionId })
            .SingleOrDefaultAsync(ct);
        if (purchase is not { State: PurchaseState.Pending, CheckoutSessionId: not null })
        {
            return purchase?.State;
        }
        try
        {
            if (await gateway.ExpireCheckoutAsync(purchase.StripeAccountId, purchase.CheckoutSessionId, ct)
                && await close.HandleAsync(purchase.StripeAccountId, purchase.CheckoutSessionId, PurchaseState.Expired, Reason, ct) > 0)
            {
                return PurchaseState.Expired;
            }
        }
        catch (PaymentGatewayException)
        {
            // Stripe unreachable: the session expires on its own, and its event closes the purchase.
        }
        // Not closed here: paid in another tab, closed by its own event meanwhile, or still open.
        return await db.Purchases.AsNoTracking().Where(p => p.Id == purchaseId).Select(p => p.State).SingleAsync(ct);
    }
}
