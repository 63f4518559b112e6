using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Platform;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// The platform key's hash, held for the API key handler. The key comes from <c>ResellerKit:PlatformApiKey</c>, or is
/// generated on first start, stored as a hash, and shown once.
/// </summary>
public sealed class PlatformKey
{
    private string? hash;

    public bool Matches(string presented) =>
        hash is { } expected && ApiKeys.FixedTimeEquals(expected, ApiKeys.Hash(presented));

    internal void Use(string keyHash) => hash = keyHash;
}

/// <summary>Loads or creates the platform key at start.</summary>
public sealed class PlatformKeyStore(EngineDbContext db, PlatformKey key, IOptions<ResellerKitOptions> options)
{
    private const string SettingKey = "platform_api_key_hash";

    /// <summary>Returns the plaintext key when it was generated just now, so that it can be printed once.</summary>
    public async Task<string?> EnsureAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PlatformApiKey))
        {
            key.Use(ApiKeys.Hash(options.Value.PlatformApiKey));
            return null;
        }
        var stored = await db.PlatformSettings.SingleOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (stored is not null)
        {
            key.Use(stored.Value);
            return null;
        }
        var plaintext = ApiKeys.Generate(ApiKeys.PlatformPrefix);
        db.PlatformSettings.Add(PlatformSetting.Create(SettingKey, ApiKeys.Hash(plaintext)));
        await db.SaveChangesAsync(ct);
        key.Use(ApiKeys.Hash(plaintext));
        return plaintext;
    }
}
