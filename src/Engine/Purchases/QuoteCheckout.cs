using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Prices a checkout on the server, from the agency's current packs and offer, and checks again that the platform sells its currency and that it meets the floor:
/// nothing price-related is ever taken from the page.
/// </summary>
public sealed class QuoteCheckout(EngineDbContext db, MinimumPrices minimums)
{
    public async Task<Result<CheckoutQuote>> HandleAsync(Agency agency, Ownership ownership, PackId? packId, long? credits, CancellationToken ct)
    {
        if (packId is null == credits is null)
        {
            return ValidationFailed.For(packId is null ? "packId" : "credits", "Send either packId or credits, not both.");
        }
        var discount = ownership == Ownership.Agency ? agency.DiscountPercent : 0m;
        if (packId is { } id)
        {
            var pack = await db.CreditPacks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.AgencyId == agency.Id && !p.Archived, ct);
            if (pack is null)
            {
                return ValidationFailed.For("packId", "This agency has no such pack for sale.");
            }
            return await PriceAsync(agency, pack.Id, $"{pack.Name} — {pack.Credits:N0} credits", pack.Credits, pack.UnitAmount, pack.Currency, discount, ct);
        }

        var offer = agency.CustomQuantity;
        if (!offer.Enabled)
        {
            return ValidationFailed.For("credits", "This agency sells packs only; choose a packId.");
        }
        if (credits < offer.MinCredits || credits > offer.MaxCredits)
        {
            return ValidationFailed.For("credits", $"Choose between {offer.MinCredits:N0} and {offer.MaxCredits:N0} credits.");
        }
        var amount = CreditPricing.AmountFor(credits!.Value, offer.Price, offer.Currency);
        return await PriceAsync(agency, null, $"{credits:N0} credits", credits.Value, amount, offer.Currency, discount, ct);
    }

    /// <summary>
    /// Prices an auto-recharge of any number of credits: at the custom-quantity price (without its min and max: the
    /// agency chose the target), or, when the agency sells packs only, at the rate of its cheapest pack per credit that
    /// can still be sold (its currency offered, at or above the platform's floor), in the currency the client last paid
    /// in when a pack is sold in it (rates in different currencies do not compare).
    /// </summary>
    public async Task<Result<CheckoutQuote>> ForRechargeAsync(Agency agency, SubAccount subAccount, long credits, CancellationToken ct)
    {
        var discount = subAccount.Ownership == Ownership.Agency ? agency.DiscountPercent : 0m;
        var description = $"Auto-recharge — {credits:N0} credits";
        if (agency.CustomQuantity is { Enabled: true } offer)
        {
            return await PriceAsync(agency, null, description, credits, CreditPricing.AmountFor(credits, offer.Price, offer.Currency), offer.Currency, discount, ct);
        }
        var packs = await db.CreditPacks.AsNoTracking().Where(p => p.AgencyId == agency.Id && !p.Archived).ToListAsync(ct);
        var paidIn = await db.Purchases.AsNoTracking()
            .Where(p => p.SubAccountId == subAccount.Id && p.AgencyId == agency.Id && p.FulfilledAt != null)
            .OrderByDescending(p => p.FulfilledAt).Select(p => p.Currency).FirstOrDefaultAsync(ct);
        Result<CheckoutQuote>? refused = null;
        foreach (var pack in packs.OrderBy(p => p.Currency == paidIn ? 0 : 1).ThenBy(p => (decimal)p.UnitAmount / p.Credits))
        {
            var amount = CreditPricing.AmountAtPackRate(credits, pack.Credits, pack.UnitAmount, pack.Currency);
            var quote = await PriceAsync(agency, null, description, credits, amount, pack.Currency, discount, ct);
            if (quote.IsSuccess)
            {
                return quote;
            }
            refused ??= quote;
        }
        return refused ?? new Conflict("The agency sells no credits (no packs and no custom quantity), so a recharge has no price.");
    }

    private async Task<Result<CheckoutQuote>> PriceAsync(
        Agency agency, PackId? packId, string description, long credits, long amount, string currency, decimal discount, CancellationToken ct)
    {
        if (amount > PackCommand.MaxUnitAmount)
        {
            // Stripe takes at most 99,999,999 minor units in one payment: a larger checkout could never be paid.
            return ValidationFailed.For("credits", $"{credits:N0} credits cost more than one card payment can take; choose fewer.");
        }
        var minimum = await minimums.CheckAsync(currency, credits, amount, ct);
        if (!minimum.IsSuccess)
        {
            return minimum.Error;
        }
        var fee = CreditPricing.PlatformFee(credits, minimum.Value.Fee, discount, amount, currency);
        return new CheckoutQuote(agency.Id, packId, description, credits, amount, currency, fee);
    }
}
