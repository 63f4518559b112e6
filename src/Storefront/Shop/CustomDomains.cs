using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.Shop;

/// <summary>Which agency a verified custom domain belongs to. Cached briefly, so a change takes effect on every node within seconds.</summary>
public sealed class CustomDomains(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);

    public async Task<string?> SlugForAsync(string host, CancellationToken ct)
    {
        if (cache.TryGetValue(("domain", host), out string? slug))
        {
            return slug;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        slug = await db.Agencies.AsNoTracking().Where(a => a.VerifiedDomain == host && a.Status == Engine.Agencies.AgencyStatus.Active).Select(a => a.Slug).SingleOrDefaultAsync(ct);
        cache.Set(("domain", host), slug, Freshness);
        return slug;
    }
}
