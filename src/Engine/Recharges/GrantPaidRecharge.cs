using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// Stripe's <c>payment_intent.succeeded</c> for an auto-recharge's off-session charge: the client paid, so the recharge
/// is granted, whatever became of it meanwhile (still open while its retry waits, failed <c>provider_unreachable</c> after
/// the last unanswered attempt, skipped by a retry whose look-up ran while Stripe was still working). The payment is read
/// back from Stripe and must be the recharge's own: on the recharge's agency's connected account, succeeded, for the
/// pinned amount, currency and platform fee. The grant is <see cref="RechargeOutcomes.SucceedAsync"/>, the one the charge
/// itself uses (a conditional UPDATE on the recharge and the ledger key <c>recharge:{id}</c>), so a webhook racing the
/// retry, or a replayed event, never grants twice. A checkout's payment (a recovery checkout's too) is its purchase's.
/// </summary>
public sealed class GrantPaidRecharge(EngineDbContext db, IPaymentGateway gateway, RechargeOutcomes outcomes, ILogger<GrantPaidRecharge> logger)
{
    // A checkout's payment intent names its purchase (StartCheckout, RechargeRecoveryCheckout); the purchase grants it.
    private const string PurchaseIdKey = StartCheckout.PurchaseIdKey;

    /// <summary>The outcome for a payment that names no recharge: every paid checkout's, and anything else on the account.</summary>
    public const string NotARecharge = "ignored: not an auto-recharge's payment";

    /// <param name="reported">The metadata of the payment intent in the signed event: payments that name no recharge are let go without a call to Stripe.</param>
    /// <returns>What came of it, in the webhook's words.</returns>
    public async Task<string> HandleAsync(string accountId, string paymentIntentId, IReadOnlyDictionary<string, string>? reported, CancellationToken ct)
    {
        if (!NamesRecharge(reported, out _))
        {
            return NotARecharge;
        }
        var intent = await gateway.GetPaymentIntentAsync(accountId, paymentIntentId, ct);
        if (intent is null || !NamesRecharge(intent.Metadata, out var id))
        {
            return "ignored: the gateway does not know this auto-recharge's payment";
        }
        if (intent.Status != "succeeded")
        {
            return "ignored: the gateway does not report this payment succeeded";
        }
        // The agency that sold the recharge was paid on its Stripe account, whoever owns the account today: one handed
        // over since the charge gave up still gets the credits the client paid for (RechargeOutcomes grants them where it is now).
        var recharge = await db.Recharges.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Provider == RechargeProvider.Stripe
            && db.Agencies.Any(a => a.Id == r.AgencyId && a.StripeAccountId == accountId), ct);
        var subAccount = recharge is null ? null
            : await db.SubAccounts.AsNoTracking().Include(s => s.Agency).SingleOrDefaultAsync(s => s.Id == recharge.SubAccountId, ct);
        if (recharge is null || subAccount is null)
        {
            logger.LogWarning("Payment intent {PaymentIntent} on {Account} names recharge {RechargeId}, which is no Stripe recharge of that account's agency; nothing granted",
                paymentIntentId, accountId, id);
            return "ignored: no recharge of this account";
        }
        if (recharge.GrantTransactionId is not null)
        {
            return "recharge granted already";
        }
        if (intent.Amount != recharge.Amount || intent.ApplicationFee != (recharge.PlatformFee ?? 0)
            || !string.Equals(intent.Currency, recharge.Currency, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogError("Payment intent {PaymentIntent} paid {Amount} {Currency} (fee {Fee}) but recharge {RechargeId} was priced {Expected} {ExpectedCurrency} " +
                "(fee {ExpectedFee}); nothing granted", intent.Id, intent.Amount, intent.Currency, intent.ApplicationFee, recharge.Id, recharge.Amount,
                recharge.Currency, recharge.PlatformFee);
            return "ignored: the payment does not match the recharge's price";
        }
        if (!await outcomes.SucceedAsync(recharge, subAccount, intent.Id, ct))
        {
            return "recharge granted already";
        }
        logger.LogInformation("Recharge {RechargeId} ({State}) granted by Stripe's word that {PaymentIntent} succeeded", recharge.Id, recharge.State, intent.Id);
        return $"recharge granted (was {recharge.State.ToString().ToLowerInvariant()})";
    }

    private static bool NamesRecharge(IReadOnlyDictionary<string, string>? metadata, out RechargeId id)
    {
        id = default;
        return metadata is not null && !metadata.ContainsKey(PurchaseIdKey)
            && RechargeId.TryParse(metadata.GetValueOrDefault(ChargeRecharge.RechargeIdKey), out id);
    }
}
