using System.Collections.Concurrent;

namespace ResellerKit.Engine.Branding;

/// <summary>
/// Reads of what a storefront shows, kept per key for a short freshness and dropped at once when this node commits a
/// storefront change (<see cref="StorefrontChanges"/>): the node that made a change never uses a read from before it,
/// and other nodes stop within the freshness. At most <c>maxEntries</c> are kept; past that the cache starts again.
/// </summary>
public sealed class FreshReads<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries;
    private readonly TimeProvider clock;
    private readonly int maxEntries;
    private long generation;

    public FreshReads(TimeProvider clock, StorefrontChanges changes, int maxEntries, IEqualityComparer<TKey>? comparer = null)
    {
        entries = new ConcurrentDictionary<TKey, Entry>(comparer);
        this.clock = clock;
        this.maxEntries = maxEntries;
        changes.Subscribe(_ => Interlocked.Increment(ref generation));
    }

    /// <summary>What is kept for <paramref name="key"/> if it is fresh, else what <paramref name="load"/> reads now.</summary>
    public async Task<TValue> GetAsync(TKey key, TimeSpan freshness, Func<Task<TValue>> load)
    {
        var now = clock.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        if (entries.TryGetValue(key, out var entry) && entry.Generation == current && entry.Until > now)
        {
            return entry.Value;
        }
        // A change committed while this reads moves the generation on, so what it finds is never kept past it.
        var value = await load();
        if (entries.Count >= maxEntries) entries.Clear();
        entries[key] = new Entry(value, current, now + freshness);
        return value;
    }

    private sealed record Entry(TValue Value, long Generation, DateTimeOffset Until);
}
