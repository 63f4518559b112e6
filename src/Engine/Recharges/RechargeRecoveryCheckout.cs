using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// When the bank asks the client to authenticate an auto-recharge, a checkout for the same credits and amount, for the
/// client to pay on-session (with 3-D Secure). Keyed by the recharge, so a retry reuses the purchase and Stripe's
/// idempotency returns the same session; null when Stripe could not open it (the failure email then has no link).
/// </summary>
public sealed class RechargeRecoveryCheckout(EngineDbContext db, IPaymentGateway gateway, TimeProvider clock, ILogger<RechargeRecoveryCheckout> logger)
{
    public async Task<string?> OpenAsync(Recharge recharge, SubAccount subAccount, CheckoutReturnUrls urls, CancellationToken ct)
    {
        var key = $"recharge:{recharge.Id}";
        var purchase = await db.Purchases.AsNoTracking().SingleOrDefaultAsync(p => p.AgencyId == recharge.AgencyId && p.RequestKey == key, ct);
        if (purchase is null)
        {
            var quote = new CheckoutQuote(recharge.AgencyId, null, $"Auto-recharge — {recharge.CreditsRequested:N0} credits",
                recharge.CreditsRequested, recharge.Amount!.Value, recharge.Currency!, recharge.PlatformFee ?? 0);
            purchase = Purchase.Start(quote, subAccount.Id, subAccount.Agency!.StripeAccountId!, PurchaseOrigin.Recharge, key, null, clock.GetUtcNow());
            db.Purchases.Add(purchase);
            await db.SaveChangesAsync(ct);
        }
        if (purchase.CheckoutUrl is { } existing)
        {
            return existing;
        }
        try
        {
            var session = await gateway.CreateCheckoutAsync(new CheckoutRequest(
                purchase.StripeAccountId, purchase.StripeIdempotencyKey, purchase.Description, purchase.Amount, purchase.Currency,
                purchase.PlatformFee, urls.Success, urls.CancelFor(purchase.Id), subAccount.Email, subAccount.StripeCustomerId,
                new Dictionary<string, string>
                {
                    ["resellerkit_purchase_id"] = purchase.Id.ToString(),
                    ["resellerkit_sub_account_id"] = subAccount.Id.ToString(),
                    ["resellerkit_agency_id"] = recharge.AgencyId.ToString(),
                    [ChargeRecharge.RechargeIdKey] = recharge.Id.ToString(),
                    ["resellerkit_credits"] = purchase.Credits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }), ct);
            await db.Purchases.Where(p => p.Id == purchase.Id).ExecuteUpdateAsync(set => set
                .SetProperty(p => p.CheckoutSessionId, session.Id)
                .SetProperty(p => p.CheckoutUrl, session.Url), ct);
            return session.Url;
        }
        catch (PaymentGatewayException e)
        {
            logger.LogWarning(e, "Could not open the recovery checkout for recharge {RechargeId}", recharge.Id);
            return null;
        }
    }
}
