using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// An endpoint's signing secret in the Standard Webhooks form: <c>whsec_</c> followed by the base64 of 24 to 64
/// random bytes. The HMAC key is those decoded bytes, not the text. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class WebhookSecret
{
    public const string Prefix = "whsec_";
    public const int MinBytes = 24;
    public const int MaxBytes = 64;
    public const int GeneratedBytes = 32;

    private static readonly System.Buffers.SearchValues<char> Base64Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    private readonly byte[] key;

    private WebhookSecret(byte[] key)
    {
        this.key = key;
        Value = Prefix + Convert.ToBase64String(key);
    }

    /// <summary>The text to store (encrypted) and to show the agency once: <c>whsec_…</c>.</summary>
    public string Value { get; }

    internal ReadOnlySpan<byte> Key => key;

    public static WebhookSecret Generate() => new(RandomNumberGenerator.GetBytes(GeneratedBytes));

    public static WebhookSecret Parse(string value) =>
        TryParse(value, out var secret) ? secret
        : throw new FormatException($"A webhook secret is \"{Prefix}\" followed by the base64 of {MinBytes} to {MaxBytes} bytes.");

    public static bool TryParse(string? value, [NotNullWhen(true)] out WebhookSecret? secret)
    {
        secret = null;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var encoded = value[Prefix.Length..];
        if (encoded.Length == 0 || encoded.Length % 4 != 0 || encoded.AsSpan().TrimEnd('=').ContainsAnyExcept(Base64Alphabet))
        {
            return false;
        }
        var bytes = new byte[encoded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length) || length is < MinBytes or > MaxBytes)
        {
            return false;
        }
        secret = new WebhookSecret(bytes[..length]);
        return true;
    }

    public override string ToString() => Prefix + "…";
}
