using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// Provider <c>stripe</c>: charges an open recharge to the client's saved card, off-session, on the agency's connected
/// account, with the platform fee and a deterministic idempotency key. The price is pinned on the recharge before the
/// first call. A retry (Stripe was unreachable, or a crash came mid-call) asks Stripe first, before anything else is read
/// again: an earlier attempt whose answer was lost may have charged the card, and is then recorded as it went (the client
/// paid, so the credits are granted), whatever changed since: the settings, the agency's connection, the card saved
/// (a purchase meanwhile saves a new one, and Stripe refuses a key sent again with other parameters). Only when Stripe
/// has no earlier payment are the checks and settings read again (<see cref="RechargeStop"/>) and the card charged. No
/// database transaction is held while Stripe is called; <see cref="RechargeOutcomes"/> records the result.
/// </summary>
public sealed class ChargeRecharge(
    EngineDbContext db, QuoteCheckout quotes, IPaymentGateway gateway, RechargeOutcomes outcomes, RechargeRecoveryCheckout recoveryCheckout,
    TimeProvider clock, ILogger<ChargeRecharge> logger)
{
    /// <summary>The metadata key that names the recharge on its Stripe payment (and on its recovery checkout).</summary>
    internal const string RechargeIdKey = "resellerkit_recharge_id";

    // How far Stripe's clock may be behind ours when its charges are listed since the recharge opened.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);

    /// <param name="earlierAttempts">An earlier attempt may have called Stripe (this is a retry or a redelivery after a crash).</param>
    public async Task<ChargeAttempt> HandleAsync(RechargeId id, Func<Agency, CheckoutReturnUrls> returnUrls, bool earlierAttempts, CancellationToken ct)
    {
        var recharge = await db.Recharges.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recharge is not { State: RechargeState.Open, Provider: RechargeProvider.Stripe })
        {
            return ChargeAttempt.Done; // Closed meanwhile (or a replay): nothing to charge.
        }
        var subAccount = await db.SubAccounts.AsNoTracking().Include(s => s.Agency).SingleAsync(s => s.Id == recharge.SubAccountId, ct);
        var agency = subAccount.Agency!;
        if (earlierAttempts && gateway.Enabled && agency.StripeAccountId is { } connected
            && await EarlierChargeAsync(recharge, subAccount, connected, ct) is { } earlier)
        {
            // Charged, declined or still processing: never charged again. A stopped recharge gets no recovery checkout.
            var recoverTo = earlier.ErrorCode == "authentication_required"
                && await RechargeStop.ForAsync(db, recharge, subAccount, clock.GetUtcNow(), ct) is null ? returnUrls(agency) : null;
            return await RecordAsync(recharge, subAccount, earlier, recoverTo, ct);
        }
        if (!gateway.Enabled)
        {
            await outcomes.FailAsync(recharge, subAccount, "payments_unavailable", new PaymentsOff().Detail, null, null, ct);
            return ChargeAttempt.Done;
        }
        if (agency.StripeAccountId is null || !agency.PaymentsEnabled)
        {
            await outcomes.FailAsync(recharge, subAccount, "payments_not_connected", "The agency's Stripe account is not connected.", null, null, ct);
            return ChargeAttempt.Done;
        }
        if (recharge.Amount is null)
        {
            var priced = await PriceAsync(recharge, subAccount, ct);
            if (priced is null)
            {
                return ChargeAttempt.Done;
            }
            recharge = priced;
        }
        if (await RechargeStop.ForAsync(db, recharge, subAccount, clock.GetUtcNow(), ct) is { } stop)
        {
            await outcomes.SkipAsync(recharge, subAccount, stop.Code, stop.Reason, ct); // Stripe has charged nothing for it.
            return ChargeAttempt.Done;
        }

        var card = await SavedCardAsync(subAccount, agency.StripeAccountId, ct);
        if (card is null)
        {
            await outcomes.FailAsync(recharge, subAccount, "no_saved_card",
                "The client has no saved card yet: it is saved at the first purchase on the storefront.", null, null, ct);
            return ChargeAttempt.Done;
        }
        var result = await gateway.ChargeOffSessionAsync(new OffSessionCharge(
            agency.StripeAccountId, card.Value.Customer, card.Value.PaymentMethod, recharge.Amount!.Value, recharge.Currency!,
            recharge.PlatformFee ?? 0, recharge.StripeIdempotencyKey!, $"Auto-recharge — {recharge.CreditsRequested:N0} credits",
            new Dictionary<string, string>
            {
                [RechargeIdKey] = recharge.Id.ToString(),
                ["resellerkit_sub_account_id"] = subAccount.Id.ToString(),
                ["resellerkit_agency_id"] = agency.Id.ToString(),
            }), ct);
        return await RecordAsync(recharge, subAccount, result, returnUrls(agency), ct);
    }

    /// <summary>Stripe stayed unreachable: the recharge fails (and counts as a failure) so that a later dip can try again.</summary>
    public async Task GiveUpAsync(RechargeId id, string reason, CancellationToken ct)
    {
        var recharge = await db.Recharges.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recharge is { State: RechargeState.Open })
        {
            var subAccount = await db.SubAccounts.AsNoTracking().Include(s => s.Agency).SingleAsync(s => s.Id == recharge.SubAccountId, ct);
            await outcomes.FailAsync(recharge, subAccount, "provider_unreachable", reason, null, null, ct);
        }
    }

    // Prices the recharge once, and pins amount, currency and fee on the row.
    private async Task<Recharge?> PriceAsync(Recharge recharge, SubAccount subAccount, CancellationToken ct)
    {
        var quote = await quotes.ForRechargeAsync(subAccount.Agency!, subAccount, recharge.CreditsRequested, ct);
        if (!quote.IsSuccess)
        {
            await outcomes.FailAsync(recharge, subAccount, "no_price", quote.Error.Detail, null, null, ct);
            return null;
        }
        var q = quote.Value;
        await db.Recharges.Where(r => r.Id == recharge.Id && r.Amount == null).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Amount, (long?)q.Amount)
            .SetProperty(r => r.Currency, q.Currency)
            .SetProperty(r => r.PlatformFee, (long?)q.PlatformFee), ct);
        return await db.Recharges.AsNoTracking().SingleAsync(r => r.Id == recharge.Id, ct);
    }

    // Records what Stripe answered (now, or to an earlier attempt whose answer was lost). A payment Stripe is still
    // processing leaves the recharge open, with no failure counted, to be asked about again.
    private async Task<ChargeAttempt> RecordAsync(
        Recharge recharge, SubAccount subAccount, OffSessionResult result, CheckoutReturnUrls? recoverTo, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            await outcomes.SucceedAsync(recharge, subAccount, result.PaymentIntentId, ct);
        }
        else if (result.Processing)
        {
            logger.LogInformation("Recharge {RechargeId}: Stripe is still processing {PaymentIntent}; asking again later", recharge.Id, result.PaymentIntentId);
            return ChargeAttempt.Processing;
        }
        else if (result.ErrorCode == "authentication_required")
        {
            var recovery = recoverTo is null ? null : await recoveryCheckout.OpenAsync(recharge, subAccount, recoverTo, ct);
            await outcomes.FailAsync(recharge, subAccount, "authentication_required",
                result.Message ?? "The bank asks the client to authenticate this payment.", result.PaymentIntentId, recovery, ct);
        }
        else
        {
            await outcomes.FailAsync(recharge, subAccount, result.ErrorCode ?? "payment_failed",
                result.Message ?? "The payment failed.", result.PaymentIntentId, null, ct);
        }
        return ChargeAttempt.Done;
    }

    // The payment an earlier attempt made for this recharge, as Stripe has it; null when Stripe has none (or the client
    // has no Stripe customer, so nothing can have been charged).
    private async Task<OffSessionResult?> EarlierChargeAsync(Recharge recharge, SubAccount subAccount, string accountId, CancellationToken ct)
    {
        var customer = (await LatestPaymentAsync(subAccount, accountId, ct)).Customer;
        return customer is null ? null : await gateway.FindOffSessionChargeAsync(
            accountId, customer, RechargeIdKey, recharge.Id.ToString(), recharge.OpenedAt - ClockSkew, ct);
    }

    // The card of the client's latest paid checkout, on the Stripe customer the first purchase created.
    private async Task<(string Customer, string PaymentMethod)?> SavedCardAsync(SubAccount subAccount, string accountId, CancellationToken ct)
    {
        var (customer, paymentIntentId) = await LatestPaymentAsync(subAccount, accountId, ct);
        if (paymentIntentId is null || customer is null)
        {
            return null;
        }
        var method = await gateway.GetPaymentMethodAsync(accountId, paymentIntentId, ct);
        return method is null ? null : (customer, method);
    }

    // The client's Stripe customer on the agency's account, and the payment intent of its latest paid checkout.
    private async Task<(string? Customer, string? PaymentIntentId)> LatestPaymentAsync(SubAccount subAccount, string accountId, CancellationToken ct)
    {
        var latest = await db.Purchases.AsNoTracking()
            .Where(p => p.SubAccountId == subAccount.Id && p.StripeAccountId == accountId && p.PaymentIntentId != null && p.FulfilledAt != null)
            .OrderByDescending(p => p.Number).Select(p => new { p.PaymentIntentId, p.StripeCustomerId }).FirstOrDefaultAsync(ct);
        return (subAccount.StripeCustomerId ?? latest?.StripeCustomerId, latest?.PaymentIntentId);
    }
}
