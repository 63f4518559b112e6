using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Purchases;

/// <summary>Marks a checkout that will never be paid: its session expired, or its delayed payment failed.</summary>
public sealed class CloseCheckout(EngineDbContext db)
{
    public Task<int> HandleAsync(string accountId, string sessionId, PurchaseState state, string reason, CancellationToken ct) =>
        db.Purchases.Where(p => p.CheckoutSessionId == sessionId && p.StripeAccountId == accountId && p.State == PurchaseState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, state).SetProperty(p => p.FailureReason, reason), ct);
}
