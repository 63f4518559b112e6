using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>
/// A pack's name is what a buyer picks it by, so two packs on sale never share one (compared without case; an
/// archived pack frees its name).
/// </summary>
internal static class PackNames
{
    public static async Task<DuplicateValue?> TakenAsync(EngineDbContext db, AgencyId agencyId, string name, PackId? except, CancellationToken ct)
    {
        var wanted = name.Trim().ToLowerInvariant();
        var others = db.CreditPacks.Where(p => p.AgencyId == agencyId && !p.Archived);
        if (except is { } id)
        {
            others = others.Where(p => p.Id != id);
        }
        return await others.AnyAsync(p => p.Name.ToLower() == wanted, ct)
            ? new DuplicateValue("name", $"You already have a pack called {name.Trim()}. Give this one another name.")
            : null;
    }
}
