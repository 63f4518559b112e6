using Microsoft.AspNetCore.OutputCaching;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Storefront pages for visitors who are not signed in, from ASP.NET Core's output cache. An entry is keyed by host,
/// path, the query parameters pages read and the storefront's version (<see cref="StorefrontStampReader"/>: the agency's stamp and the platform's,
/// which change in the same transaction as anything the storefront shows, so the locale, theme and prices are all in
/// it), and tagged by agency. A request with a storefront session cookie never reads or writes the cache, and only a
/// 200 that sets no cookie is stored. A committed change on this node also evicts the agency's tag (every tag for a
/// platform change), which frees the memory at once; other nodes stop serving the old page as soon as they read the new stamp.
/// </summary>
public sealed class ShopPageCache(StorefrontStampReader stamps, ShopVisitors visitors) : IOutputCachePolicy
{
    public const string PolicyName = "shop-page";
    public const string AllTag = "shop";

    /// <summary>How long an entry may live at most; a new stamp makes it unreachable well before.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The query parameters cached pages read; entries vary by these and by no other.</summary>
    public static readonly string[] QueryKeys = ["error"];

    public static string TagOf(AgencyId agency) => $"shop:{agency}";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var storefront = visitors.IsAnonymousRead(http) && http.Features.Get<ShopHostFeature>() is { } host
            ? await stamps.OfSlugAsync(host.Slug, ct)
            : null;
        context.EnableOutputCaching = storefront is not null;
        context.AllowCacheLookup = storefront is not null;
        context.AllowCacheStorage = storefront is not null;
        context.AllowLocking = true;
        if (storefront is null)
        {
            return;
        }
        // The only query a cached page reads (the sign-in page's ?error=link); any other is ignored, and so cannot fill the cache.
        context.CacheVaryByRules.QueryKeys = QueryKeys;
        context.CacheVaryByRules.VaryByValues["storefront"] = storefront.Version;
        context.Tags.Add(AllTag);
        context.Tags.Add(TagOf(storefront.AgencyId));
        context.ResponseExpirationTimeSpan = Lifetime;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}

public static class ShopPageCacheRegistration
{
    /// <summary>The output cache with the storefront's policy; this node's committed storefront changes evict their tags.</summary>
    public static IServiceCollection AddShopPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(ShopPageCache.PolicyName, b => b.AddPolicy<ShopPageCache>(), excludeDefaultPolicy: true));
        services.AddSingleton<ShopPageCache>();
        services.AddSingleton<ShopVisitors>();
        services.AddSingleton<ShopRenders>();
        return services;
    }

    /// <summary>Hooks eviction to <see cref="StorefrontChanges"/>; call once the app is built.</summary>
    public static WebApplication UseShopPageCache(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        var stamps = app.Services.GetRequiredService<StorefrontStampReader>();
        stamps.Freshness = app.Configuration.GetValue("ResellerKit:StorefrontStampFreshness", stamps.Freshness);
        app.Services.GetRequiredService<StorefrontChanges>().Subscribe(agencies =>
        {
            foreach (var agency in agencies)
            {
                // The in-memory store evicts synchronously; nothing here waits on I/O.
                _ = store.EvictByTagAsync(agency == StorefrontChanges.All ? ShopPageCache.AllTag : ShopPageCache.TagOf(agency), default);
            }
        });
        app.UseOutputCache();
        return app;
    }
}
