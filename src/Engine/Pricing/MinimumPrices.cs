using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>Reads the platform floor, and checks a price against it.</summary>
public sealed class MinimumPrices(EngineDbContext db)
{
    /// <summary>The floor for a currency; a currency the platform never priced has a floor and fee of zero.</summary>
    public async Task<MinimumPrice> ForAsync(string currency, CancellationToken ct) =>
        await db.MinimumPrices.AsNoTracking().SingleOrDefaultAsync(m => m.Currency == currency, ct) ?? MinimumPrice.Create(currency);

    public async Task<Dictionary<string, MinimumPrice>> AllAsync(CancellationToken ct) =>
        await db.MinimumPrices.AsNoTracking().ToDictionaryAsync(m => m.Currency, ct);

    public static Result<Done> Check(MinimumPrice minimum, long credits, long amount) =>
        CreditPricing.MeetsFloor(credits, amount, minimum.Floor)
            ? Done.Value
            : new PriceBelowMinimum(minimum.Currency, minimum.MinimumPerCredit, credits,
                CreditPricing.AmountFor(credits, minimum.Floor), amount);
}
