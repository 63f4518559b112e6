using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Which agency a verified custom domain belongs to. Kept as long as a storefront stamp is trusted
/// (<see cref="StorefrontStampReader.Freshness"/>), and forgotten at once when this node commits a storefront change,
/// so a domain that moves or goes stops answering on the very next request here and within that time on every node.
/// </summary>
public sealed class CustomDomains
{
    private readonly IServiceScopeFactory scopes;
    private readonly IMemoryCache cache;
    private readonly StorefrontStampReader stamps;
    private long generation;

    public CustomDomains(IServiceScopeFactory scopes, IMemoryCache cache, StorefrontStampReader stamps, StorefrontChanges changes)
    {
        this.scopes = scopes;
        this.cache = cache;
        this.stamps = stamps;
        changes.Subscribe(_ => Interlocked.Increment(ref generation));
    }

    public async Task<string?> SlugForAsync(string host, CancellationToken ct)
    {
        var key = ("domain", host, Interlocked.Read(ref generation));
        if (cache.TryGetValue(key, out string? slug))
        {
            return slug;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        slug = await db.Agencies.AsNoTracking().Where(a => a.VerifiedDomain == host && a.Status == Engine.Agencies.AgencyStatus.Active).Select(a => a.Slug).SingleOrDefaultAsync(ct);
        cache.Set(key, slug, stamps.Freshness > TimeSpan.Zero ? stamps.Freshness : TimeSpan.FromMilliseconds(1));
        return slug;
    }
}
