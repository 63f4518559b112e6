using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>Lets clients buy any number of credits within bounds at a per-credit price (in a currency the platform sells in, at or above its floor), or stops it.</summary>
public sealed class SetCustomQuantityOffer(EngineDbContext db, MinimumPrices minimums, TimeProvider clock)
{
    public async Task<Result<CustomQuantityOffer>> HandleAsync(
        AgencyId agencyId, string? pricePerCredit, string? currency, long? minCredits, long? maxCredits, Actor actor, CancellationToken ct)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }
        var offer = agency.CustomQuantity;
        if (pricePerCredit is null)
        {
            offer = offer with { PricePerCredit = null };
        }
        else
        {
            var errors = new FieldErrors();
            if (!PricePerCredit.TryParse(pricePerCredit, out var price) || price.Minor <= 0)
                errors.Add("pricePerCredit", "pricePerCredit is a positive decimal string of minor units per credit, like \"1.5\".");
            var cur = currency ?? offer.Currency;
            errors.When(!Currencies.IsValid(cur), "currency", Currencies.Message);
            var min = minCredits ?? offer.MinCredits;
            var max = maxCredits ?? offer.MaxCredits;
            errors.When(min < 1, "minCredits", "minCredits must be at least 1.")
                .When(max < min || max > Credits.Credits.MaxPerOperation, "maxCredits",
                    $"maxCredits must be at least minCredits and at most {Credits.Credits.MaxPerOperationInWords}.");
            if (errors.Any)
            {
                return errors.ToError();
            }
            var offered = await minimums.ForAsync(cur, ct);
            if (!offered.IsSuccess)
            {
                return offered.Error;
            }
            var minimum = offered.Value;
            if (price.Minor < minimum.MinimumPerCredit)
            {
                return new PriceBelowMinimum(cur, minimum.MinimumPerCredit, min,
                    CreditPricing.AmountFor(min, minimum.Floor, cur), CreditPricing.AmountFor(min, price, cur));
            }
            offer = new CustomQuantityOffer { PricePerCredit = price.Minor, Currency = cur, MinCredits = min, MaxCredits = max };
        }
        agency.OfferCustomQuantity(offer);
        db.AuditEvents.Add(AuditEvent.Record(actor, "pricing.custom_quantity", agencyId, null, offer, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return offer;
    }
}
