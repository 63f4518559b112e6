using System.Collections.Concurrent;
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
    private const int MaxEntries = 10_000;

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long generation;

    public StorefrontStampReader(IServiceScopeFactory scopes, TimeProvider clock, StorefrontChanges changes)
    {
        this.scopes = scopes;
        this.clock = clock;
        changes.Subscribe(_ => Interlocked.Increment(ref generation));
    }

    /// <summary>How long a read stamp is trusted on a node that did not make the change.</summary>
    public TimeSpan Freshness { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The storefront of <paramref name="slug"/>, or null when no active agency has it.</summary>
    public async Task<StorefrontVersion?> OfSlugAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        if (entries.TryGetValue(slug, out var entry) && entry.Generation == current && entry.Until > now)
        {
            return entry.Version;
        }
        // A change committed while this read runs moves the generation on, so what it finds is never kept past it.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Slug == slug && a.Status == AgencyStatus.Active)
            .Select(a => new { a.Id, a.StorefrontStamp }).SingleOrDefaultAsync(ct);
        var platform = await db.PlatformSettings.AsNoTracking().Where(s => s.Key == StorefrontStamp.SettingKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        var version = agency is null ? null : new StorefrontVersion(agency.Id, $"{agency.StorefrontStamp}.{platform}");
        if (entries.Count >= MaxEntries) entries.Clear();
        entries[slug] = new Entry(version, current, now + Freshness);
        return version;
    }

    private sealed record Entry(StorefrontVersion? Version, long Generation, DateTimeOffset Until);
}
