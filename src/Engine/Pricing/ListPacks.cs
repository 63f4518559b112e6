using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>
/// An agency's packs with their margins. Packs that a raised floor has made invalid are flagged for the back office
/// and left out of what clients are offered.
/// </summary>
public sealed class ListPacks(EngineDbContext db, MinimumPrices minimums)
{
    public async Task<IReadOnlyList<PackSummary>> HandleAsync(AgencyId agencyId, CancellationToken ct)
    {
        var discount = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.DiscountPercent).SingleOrDefaultAsync(ct);
        var packs = await db.CreditPacks.AsNoTracking().WithSpecification(new PacksOfAgencySpec(agencyId)).ToListAsync(ct);
        var floors = await minimums.AllAsync(ct);
        return packs.Select(p => Summarise(p, floors.GetValueOrDefault(p.Currency) ?? MinimumPrice.Create(p.Currency), discount)).ToList();
    }

    /// <summary>What a client may buy now: the packs whose price still meets the floor.</summary>
    public async Task<IReadOnlyList<CreditPack>> PurchasableAsync(AgencyId agencyId, CancellationToken ct) =>
        (await HandleAsync(agencyId, ct)).Where(s => !s.BelowMinimum).Select(s => s.Pack).ToList();

    public static PackSummary Summarise(CreditPack pack, MinimumPrice minimum, decimal discountPercent)
    {
        var fee = CreditPricing.PlatformFee(pack.Credits, minimum.Fee, discountPercent, pack.UnitAmount);
        var clientOwnedFee = CreditPricing.PlatformFee(pack.Credits, minimum.Fee, 0, pack.UnitAmount);
        return new PackSummary(pack,
            new PackMargin(pack.UnitAmount, fee, pack.UnitAmount - fee, clientOwnedFee, pack.UnitAmount - clientOwnedFee),
            !CreditPricing.MeetsFloor(pack.Credits, pack.UnitAmount, minimum.Floor),
            CreditPricing.AmountFor(pack.Credits, minimum.Floor));
    }
}
