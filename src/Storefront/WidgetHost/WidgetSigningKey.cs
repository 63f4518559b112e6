using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// The key that signs widget client secrets: <c>ResellerKit:Widget:SigningKey</c> when configured, otherwise one
/// generated once and kept in the database, encrypted (<see cref="ProtectedSettings"/>).
/// </summary>
public sealed class WidgetSigningKey(ProtectedSettings settings, IOptions<WidgetOptions> options)
{
    private const string SettingKey = "widget_signing_key";

    private byte[]? key;

    public async ValueTask<byte[]> GetAsync(CancellationToken ct) =>
        key ??= Configured() ?? await settings.GetOrCreateAsync(SettingKey, "ResellerKit.Widget.SigningKey", () => RandomNumberGenerator.GetBytes(32), ct);

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
}
