using System.Collections.Concurrent;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// Sites that recently tried to show an agency's widget and were refused, so the back office can offer to allow them
/// with one click. Kept in memory on each node, a few per agency (the busiest recent ones): a hint for the agency, not a
/// record; the refusal itself never depends on it.
/// </summary>
public sealed class RefusedOrigins(TimeProvider clock)
{
    public const int PerAgency = 10;
    private const int MaxAgencies = 10_000;
    private readonly ConcurrentDictionary<AgencyId, ConcurrentDictionary<string, RefusedOrigin>> refused = new();

    public void Record(AgencyId agencyId, string origin)
    {
        if (!refused.ContainsKey(agencyId) && refused.Count >= MaxAgencies)
        {
            return;
        }
        var origins = refused.GetOrAdd(agencyId, _ => new(StringComparer.Ordinal));
        var now = clock.GetUtcNow();
        origins.AddOrUpdate(origin, o => new RefusedOrigin(o, 1, now), (_, seen) => seen with { Count = seen.Count + 1, LastSeen = now });
        foreach (var stale in origins.Values.OrderByDescending(o => o.LastSeen).Skip(PerAgency))
        {
            origins.TryRemove(stale.Origin, out _);
        }
    }

    /// <summary>The agency's refused origins, the latest first, leaving out those it has allowed since.</summary>
    public IReadOnlyList<RefusedOrigin> Recent(AgencyId agencyId, IEnumerable<string> allowed)
    {
        if (!refused.TryGetValue(agencyId, out var origins))
        {
            return [];
        }
        var now = new HashSet<string>(allowed, StringComparer.Ordinal);
        return origins.Values.Where(o => !now.Contains(o.Origin)).OrderByDescending(o => o.LastSeen).ToList();
    }
}

public sealed record RefusedOrigin(string Origin, long Count, DateTimeOffset LastSeen);
