using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.Shop;

/// <summary>Finds the agency of a storefront request, and which of its clients (if any) is signed in.</summary>
public sealed class ShopContexts(EngineDbContext db, ClientAccounts clients, UserManager<User> users)
{
    public async Task<ShopContext?> ResolveAsync(HttpContext http, string slug, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug && a.Status == AgencyStatus.Active, ct);
        if (agency is null)
        {
            return null;
        }
        var basePath = http.Features.Get<ShopHostFeature>() is not null ? "/" : $"/s/{slug}/";
        SubAccount? customer = null;
        Guid? userId = Guid.TryParse(users.GetUserId(http.User), out var id) ? id : null;
        if (userId is { } signedIn)
        {
            customer = await clients.OfUserAsync(signedIn, agency.Id, ct);
        }
        return new ShopContext(agency, basePath, customer, userId);
    }
}
