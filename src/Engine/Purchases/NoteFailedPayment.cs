using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Notes on a pending checkout that an attempt to pay it failed (a declined card: Stripe's
/// <c>payment_intent.payment_failed</c>), so that it reads "Payment failed" with the reason instead of a bare Pending.
/// The purchase stays Pending on purpose: Stripe keeps the checkout open, the client may still pay it with another
/// card (which grants as usual, once), and it ends Expired if nobody does. Nothing moves in the ledger.
/// </summary>
public sealed class NoteFailedPayment(EngineDbContext db)
{
    public const int MaxReason = 500;

    public Task<int> HandleAsync(string accountId, PurchaseId id, string? stripeMessage, CancellationToken ct)
    {
        var reason = Clip.To(MaxReason, $"{(string.IsNullOrWhiteSpace(stripeMessage) ? "The payment was declined." : stripeMessage.Trim())} "
            + "The client can still pay with another card until the checkout expires.");
        return db.Purchases.Where(p => p.Id == id && p.StripeAccountId == accountId && p.State == PurchaseState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.FailureReason, reason), ct);
    }
}
