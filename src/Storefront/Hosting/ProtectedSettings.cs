using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Platform;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// Secrets an install makes for itself on first use (the widget's signing key, the Stripe sandbox's keys): generated
/// once, kept in the database encrypted with Data Protection (whose keys the nodes share too), read by every node.
/// A stored secret never changes, so each is read once per node and then kept in memory.
/// </summary>
public sealed class ProtectedSettings(IServiceScopeFactory scopes, IDataProtectionProvider protection)
{
    private readonly ConcurrentDictionary<string, byte[]> kept = new(StringComparer.Ordinal);

    /// <summary>The stored secret of <paramref name="settingKey"/>, or the one <paramref name="generate"/> makes, stored first.</summary>
    public async Task<byte[]> GetOrCreateAsync(string settingKey, string purpose, Func<byte[]> generate, CancellationToken ct)
    {
        if (kept.TryGetValue(settingKey, out var secret))
        {
            return secret;
        }
        // Two first callers may both read it: the store keeps one, and both get that one.
        return kept.GetOrAdd(settingKey, await ReadOrCreateAsync(settingKey, purpose, generate, ct));
    }

    private async Task<byte[]> ReadOrCreateAsync(string settingKey, string purpose, Func<byte[]> generate, CancellationToken ct)
    {
        var protector = protection.CreateProtector(purpose);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        for (var attempt = 0; ; attempt++)
        {
            var stored = await db.PlatformSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == settingKey, ct);
            if (stored is not null)
            {
                return protector.Unprotect(Convert.FromBase64String(stored.Value));
            }
            var fresh = generate();
            db.PlatformSettings.Add(PlatformSetting.Create(settingKey, Convert.ToBase64String(protector.Protect(fresh))));
            try
            {
                await db.SaveChangesAsync(ct);
                return fresh;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear(); // Another node stored one first: use that.
            }
        }
    }
}
