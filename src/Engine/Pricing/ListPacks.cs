using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>
/// An agency's packs with their margins. Packs that a raised floor (or a currency the platform stopped selling) has made invalid are flagged for the back office
/// and left out of what clients are offered.
/// </summary>
public sealed class ListPacks(EngineDbContext db, MinimumPrices minimums)
{
    public async Task<IReadOnlyList<PackSummary>> HandleAsync(AgencyId agencyId, CancellationToken ct)
    {
        var discount = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.DiscountPercent).SingleOrDefaultAsync(ct);
        var packs = await db.CreditPacks.AsNoTracking().WithSpecification(new PacksOfAgencySpec(agencyId)).ToListAsync(ct);
        var floors = await minimums.AllAsync(ct);
        return packs.Select(p => Summarise(p, floors.GetValueOrDefault(p.Currency), discount)).ToList();
    }

    /// <summary>What a client may buy now: the packs in a currency still sold, whose price still meets the floor.</summary>
    public async Task<IReadOnlyList<CreditPack>> PurchasableAsync(AgencyId agencyId, CancellationToken ct) =>
        (await HandleAsync(agencyId, ct)).Where(s => s.OnSale).Select(s => s.Pack).ToList();

    /// <summary>A pack with its margin; <paramref name="minimum"/> is null when the platform no longer sells its currency.</summary>
    public static PackSummary Summarise(CreditPack pack, MinimumPrice? minimum, decimal discountPercent)
    {
        var currency = pack.Currency;
        var feePerCredit = minimum?.Fee ?? new PricePerCredit(0);
        var fee = CreditPricing.PlatformFee(pack.Credits, feePerCredit, discountPercent, pack.UnitAmount, currency);
        var clientOwnedFee = CreditPricing.PlatformFee(pack.Credits, feePerCredit, 0, pack.UnitAmount, currency);
        return new PackSummary(pack,
            new PackMargin(pack.UnitAmount, fee, pack.UnitAmount - fee, clientOwnedFee, pack.UnitAmount - clientOwnedFee),
            minimum is not null && !CreditPricing.MeetsFloor(pack.Credits, pack.UnitAmount, minimum.Floor),
            minimum is null ? 0 : CreditPricing.AmountFor(pack.Credits, minimum.Floor, currency),
            CurrencyOffered: minimum is not null);
    }
}
