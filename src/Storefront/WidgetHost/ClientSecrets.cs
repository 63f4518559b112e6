using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Embedding;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// Widget client secrets, as Stripe's customer-session secrets work: <c>rkws_{payload}.{signature}</c>, where the
/// payload names the session, its agency and sub-account and its expiry, and the signature is HMAC-SHA256 of it. A
/// secret that verifies still has to match a live (unrevoked, unexpired) session row before it is believed.
/// </summary>
public sealed class ClientSecrets(WidgetSigningKey signingKey, TimeProvider clock)
{
    public const string Prefix = "rkws_";
    private const byte Version = 1;
    private const int PayloadLength = 1 + 16 + 16 + 16 + 8;
    private const int MaxSecretLength = 200;

    public async Task<string> IssueAsync(WidgetSession session, CancellationToken ct)
    {
        var payload = new byte[PayloadLength];
        payload[0] = Version;
        session.Id.Value.TryWriteBytes(payload.AsSpan(1, 16));
        session.AgencyId.Value.TryWriteBytes(payload.AsSpan(17, 16));
        session.SubAccountId.Value.TryWriteBytes(payload.AsSpan(33, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(49, 8), session.ExpiresAt.ToUnixTimeSeconds());
        var encoded = Base64Url.EncodeToString(payload);
        return $"{Prefix}{encoded}.{Base64Url.EncodeToString(await SignAsync(encoded, ct))}";
    }

    /// <summary>The secret's claims when it is well formed, correctly signed and not yet expired; otherwise null.</summary>
    public async Task<ClientSecret?> ReadAsync(string? secret, CancellationToken ct)
    {
        if (secret is null || secret.Length > MaxSecretLength || !secret.StartsWith(Prefix, StringComparison.Ordinal)
            || secret[Prefix.Length..].Split('.') is not [var encoded, var signature])
        {
            return null;
        }
        byte[] payload, presented;
        try
        {
            payload = Base64Url.DecodeFromChars(encoded);
            presented = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return null;
        }
        var expected = await SignAsync(encoded, ct);
        if (payload.Length != PayloadLength || payload[0] != Version || !CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            return null;
        }
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(49, 8)));
        return expiresAt <= clock.GetUtcNow()
            ? null
            : new ClientSecret(
                WidgetSessionId.From(new Guid(payload.AsSpan(1, 16))),
                AgencyId.From(new Guid(payload.AsSpan(17, 16))),
                SubAccountId.From(new Guid(payload.AsSpan(33, 16))),
                expiresAt);
    }

    private async Task<byte[]> SignAsync(string encodedPayload, CancellationToken ct) =>
        HMACSHA256.HashData(await signingKey.GetAsync(ct), Encoding.ASCII.GetBytes("rkws1." + encodedPayload));
}
