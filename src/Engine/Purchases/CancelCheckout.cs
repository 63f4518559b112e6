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

    public async Task<bool> HandleAsync(AgencyId agency, PurchaseId purchaseId, CancellationToken ct)
    {
        var purchase = await db.Purchases.AsNoTracking()
            .Where(p => p.Id == purchaseId && p.AgencyId == agency && p.State == PurchaseState.Pending && p.CheckoutSessionId != null)
            .Select(p => new { p.StripeAccountId, p.CheckoutSessionId })
            .SingleOrDefaultAsync(ct);
        if (purchase is null)
        {
            return false;
        }
        try
        {
            if (!await gateway.ExpireCheckoutAsync(purchase.StripeAccountId, purchase.CheckoutSessionId!, ct))
            {
                return false;
            }
        }
        catch (PaymentGatewayException)
        {
            return false; // Stripe unreachable: the session expires on its own, and its event closes the purchase.
        }
        return await close.HandleAsync(purchase.StripeAccountId, purchase.CheckoutSessionId!, PurchaseState.Expired, Reason, ct) > 0;
    }
}
