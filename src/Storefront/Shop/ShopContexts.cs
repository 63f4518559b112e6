using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Storefront.Accounts;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Finds the agency of a storefront request, and which of its clients (if any) is signed in on this storefront. A
/// storefront answers only on its own host (<see cref="ShopHostRouting"/> sets <see cref="ShopHostFeature"/>), so the
/// <c>/s/{slug}</c> routes behind it cannot be reached another way.
/// </summary>
public sealed class ShopContexts(EngineDbContext db, ClientAccounts clients, UserManager<User> users)
{
    public async Task<ShopContext?> ResolveAsync(HttpContext http, string slug, CancellationToken ct)
    {
        if (http.Features.Get<ShopHostFeature>()?.Slug != slug)
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug && a.Status == AgencyStatus.Active, ct);
        if (agency is null)
        {
            return null;
        }

        SubAccount? customer = null;
        Guid? userId = await ShopSession.UserAsync(http) is { } principal && Guid.TryParse(users.GetUserId(principal), out var id) ? id : null;
        if (userId is { } signedIn)
        {
            customer = await clients.OfUserAsync(signedIn, agency.Id, ct);
        }

        return new ShopContext(agency, customer, userId);
    }
}
