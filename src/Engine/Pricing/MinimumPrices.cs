using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>
/// Reads the platform floor, and checks a price against it. A currency is sold only once the platform has set its
/// minimum price and fee: every other currency is <see cref="CurrencyNotOffered"/>.
/// </summary>
public sealed class MinimumPrices(EngineDbContext db)
{
    /// <summary>The floor for a currency the platform sells in, or <see cref="CurrencyNotOffered"/>.</summary>
    public async Task<Result<MinimumPrice>> ForAsync(string currency, CancellationToken ct) =>
        await db.MinimumPrices.AsNoTracking().SingleOrDefaultAsync(m => m.Currency == currency, ct) is { } minimum
            ? minimum
            : new CurrencyNotOffered(currency, (await AllAsync(ct)).Keys.Order(StringComparer.Ordinal).ToList());

    public async Task<Dictionary<string, MinimumPrice>> AllAsync(CancellationToken ct) =>
        await db.MinimumPrices.AsNoTracking().ToDictionaryAsync(m => m.Currency, ct);

    /// <summary>The price and currency a pack or custom quantity may be sold at: an offered currency, at or above its floor.</summary>
    public async Task<Result<MinimumPrice>> CheckAsync(string currency, long credits, long amount, CancellationToken ct)
    {
        var minimum = await ForAsync(currency, ct);
        if (minimum.IsSuccess && Check(minimum.Value, credits, amount).Error is { } below)
        {
            return below;
        }
        return minimum;
    }

    /// <summary>True when clients may buy at the offer's per-credit price now: it is on, in an offered currency, and meets the floor.</summary>
    public async Task<bool> SellsAsync(CustomQuantityOffer offer, CancellationToken ct) =>
        offer.Enabled && await ForAsync(offer.Currency, ct) is { IsSuccess: true } minimum && offer.Price.Minor >= minimum.Value.MinimumPerCredit;

    public static Result<Done> Check(MinimumPrice minimum, long credits, long amount) =>
        CreditPricing.MeetsFloor(credits, amount, minimum.Floor)
            ? Done.Value
            : new PriceBelowMinimum(minimum.Currency, minimum.MinimumPerCredit, credits,
                CreditPricing.AmountFor(credits, minimum.Floor, minimum.Currency), amount);
}
