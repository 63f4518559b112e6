using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Access;

/// <summary>
/// Agency API keys as the hot path checks them: a key found once is trusted for up to <see cref="Lifetime"/>, but only
/// while the <see cref="ApiKeyStamp"/> is the one it was found under. A rotation, revocation, suspension or reinstatement
/// on any node (or from the CLI) changes the stamp in the same transaction, so the next request everywhere looks the key
/// up again: a revoked key stops at once. Unknown keys are never cached, so a flood of made-up keys takes no memory.
/// </summary>
public sealed class ApiKeyCache(IServiceScopeFactory scopes, ApiKeyStampReader stamps, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<AgencyId?> AgencyOfAsync(string presentedKey, CancellationToken ct)
    {
        if (!presentedKey.StartsWith(ApiKeys.AgencyPrefix, StringComparison.Ordinal) || presentedKey.Length > 128)
        {
            return null;
        }
        var hash = ApiKeys.Hash(presentedKey);
        var stamp = await stamps.CurrentAsync().WaitAsync(ct);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(hash, out var entry) && entry.Stamp == stamp && entry.Until > now)
        {
            return entry.Agency;
        }
        await using var scope = scopes.CreateAsyncScope();
        var agency = await scope.ServiceProvider.GetRequiredService<ResolveApiKey>().AgencyOfAsync(presentedKey, ct);
        if (agency is null)
        {
            entries.TryRemove(hash, out _);
            return null;
        }
        if (entries.Count >= MaxEntries) entries.Clear();
        entries[hash] = new Entry(agency.Value, stamp, now + Lifetime);
        return agency;
    }

    private sealed record Entry(AgencyId Agency, string Stamp, DateTimeOffset Until);
}
