using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Platform;

namespace ResellerKit.Engine.Branding;

/// <summary>An active agency's storefront as the page cache keys it: whose it is, and the version of what it shows.</summary>
public sealed record StorefrontVersion(AgencyId AgencyId, string Version);

/// <summary>
/// Reads a storefront's <see cref="StorefrontStamp"/> (the agency's and the platform's) for the page cache, cheaply: a
/// read is kept for <see cref="Freshness"/>, and dropped at once when this node commits a storefront change, so the
/// writing node never serves a stale page and other nodes stop within <see cref="Freshness"/>. Zero reads every time.
/// </summary>
public sealed class StorefrontStampReader
{
    private readonly IServiceScopeFactory scopes;
    private readonly FreshReads<string, StorefrontVersion?> reads;

    public StorefrontStampReader(IServiceScopeFactory scopes, TimeProvider clock, StorefrontChanges changes)
    {
        this.scopes = scopes;
        reads = new FreshReads<string, StorefrontVersion?>(clock, changes, maxEntries: 10_000, StringComparer.Ordinal);
    }

    /// <summary>How long a read stamp is trusted on a node that did not make the change.</summary>
    public TimeSpan Freshness { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The storefront of <paramref name="slug"/>, or null when no active agency has it.</summary>
    public Task<StorefrontVersion?> OfSlugAsync(string slug, CancellationToken ct) => reads.GetAsync(slug, Freshness, async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Slug == slug && a.Status == AgencyStatus.Active)
            .Select(a => new { a.Id, a.StorefrontStamp }).SingleOrDefaultAsync(ct);
        var platform = await db.PlatformSettings.AsNoTracking().Where(s => s.Key == StorefrontStamp.SettingKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return agency is null ? null : new StorefrontVersion(agency.Id, $"{agency.StorefrontStamp}.{platform}");
    });
}
