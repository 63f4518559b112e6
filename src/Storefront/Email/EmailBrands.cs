using System.Collections.Concurrent;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Email;

/// <summary>An agency and its published theme, as its emails are rendered from them.</summary>
public sealed record EmailBrand(Agency Agency, ThemeState Theme);

/// <summary>
/// Each agency's <see cref="EmailBrand"/>, read once for the emails of a burst (a receipt per paid checkout) rather than
/// once per email. Kept as the storefront's pages are: dropped at once when this node commits a change its storefront
/// shows (<see cref="StorefrontChanges"/>: the agency, its theme files and settings), and trusted on other nodes for the
/// stamps' freshness (<see cref="StorefrontStampReader.Freshness"/>, a second by default).
/// </summary>
public sealed class EmailBrands
{
    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<AgencyId, Entry> entries = new();
    private readonly TimeProvider clock;
    private readonly StorefrontStampReader stamps;
    private long generation;

    public EmailBrands(TimeProvider clock, StorefrontChanges changes, StorefrontStampReader stamps)
    {
        this.clock = clock;
        this.stamps = stamps;
        changes.Subscribe(_ => Interlocked.Increment(ref generation));
    }

    /// <summary>The agency's brand, from <paramref name="load"/> unless a fresh one is kept; null when there is no such agency.</summary>
    public async Task<EmailBrand?> GetAsync(AgencyId agencyId, Func<Task<EmailBrand?>> load)
    {
        var now = clock.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        if (entries.TryGetValue(agencyId, out var entry) && entry.Generation == current && entry.Until > now)
        {
            return entry.Brand;
        }
        // A change committed while this reads moves the generation on, so what it finds is never kept past it.
        var brand = await load();
        if (entries.Count >= MaxEntries) entries.Clear();
        entries[agencyId] = new Entry(brand, current, now + stamps.Freshness);
        return brand;
    }

    private sealed record Entry(EmailBrand? Brand, long Generation, DateTimeOffset Until);
}
