using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Platform;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// The key that signs widget client secrets: <c>ResellerKit:Widget:SigningKey</c> when configured, otherwise one
/// generated once and kept in the database, encrypted with Data Protection (whose keys the nodes share too).
/// </summary>
public sealed class WidgetSigningKey(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<WidgetOptions> options)
{
    private const string SettingKey = "widget_signing_key";
    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? key;

    public async ValueTask<byte[]> GetAsync(CancellationToken ct)
    {
        if (key is not null)
        {
            return key;
        }
        await gate.WaitAsync(ct);
        try
        {
            return key ??= Configured() ?? await StoredAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private byte[]? Configured()
    {
        if (string.IsNullOrWhiteSpace(options.Value.SigningKey))
        {
            return null;
        }
        var bytes = Convert.FromBase64String(options.Value.SigningKey);
        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException($"{WidgetOptions.Section}:SigningKey must be base64 of at least 32 bytes.");
    }

    private async Task<byte[]> StoredAsync(CancellationToken ct)
    {
        var protector = protection.CreateProtector("ResellerKit.Widget.SigningKey");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        for (var attempt = 0; ; attempt++)
        {
            var stored = await db.PlatformSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == SettingKey, ct);
            if (stored is not null)
            {
                return protector.Unprotect(Convert.FromBase64String(stored.Value));
            }
            var fresh = RandomNumberGenerator.GetBytes(32);
            db.PlatformSettings.Add(PlatformSetting.Create(SettingKey, Convert.ToBase64String(protector.Protect(fresh))));
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
