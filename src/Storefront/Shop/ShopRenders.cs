using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ResellerKit.Storefront.Telemetry;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// How many storefront pages this process rendered, per storefront (a page served from the cache is not rendered):
/// the <c>resellerkit.storefront.renders</c> metric, and per slug for tests and operators.
/// </summary>
public sealed class ShopRenders
{
    private static readonly Counter<long> Renders = StorefrontTelemetry.Meter.CreateCounter<long>(
        "resellerkit.storefront.renders", "{page}", "Storefront pages rendered through the theme (cache misses and private pages).");

    private readonly ConcurrentDictionary<string, long> bySlug = new(StringComparer.Ordinal);

    public long Of(string slug) => bySlug.GetValueOrDefault(slug);

    public void Rendered(string slug)
    {
        bySlug.AddOrUpdate(slug, 1, (_, n) => n + 1);
        Renders.Add(1);
    }
}
