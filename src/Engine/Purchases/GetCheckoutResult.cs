using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Purchases;

/// <summary>What the checkout return page shows: whether the credits arrived, and the balance if they did.</summary>
public sealed record CheckoutResult(Purchase Purchase, long? NewBalance);

/// <summary>Reads a purchase by its session for the return page. It never grants: only the webhook path does.</summary>
public sealed class GetCheckoutResult(EngineDbContext db)
{
    public async Task<CheckoutResult?> HandleAsync(string sessionId, CancellationToken ct)
    {
        var purchase = await db.Purchases.AsNoTracking().Include(p => p.SubAccount).ThenInclude(s => s!.Agency)
            .SingleOrDefaultAsync(p => p.CheckoutSessionId == sessionId, ct);
        if (purchase is null)
        {
            return null;
        }
        long? balance = purchase.State == PurchaseState.Fulfilled
            ? await db.Wallets.Where(w => w.Id == purchase.SubAccount!.WalletId).Select(w => w.Balance).SingleAsync(ct)
            : null;
        return new CheckoutResult(purchase, balance);
    }
}
