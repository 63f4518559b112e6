using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// Signs as https://www.standardwebhooks.com specifies: <c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>
/// keyed with the secret's decoded bytes. With several secrets (rotation), the header holds one signature per secret,
/// separated by spaces, and a receiver accepts the message when any one verifies.
/// </summary>
public static class StandardWebhookSigner
{
    public static WebhookHeaders Sign(string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body, IReadOnlyList<WebhookSecret> secrets)
    {
        if (string.IsNullOrEmpty(messageId) || messageId.Length > 255 || messageId.Any(c => c == '.' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("A webhook id is 1-255 characters without dots, spaces or control characters.", nameof(messageId));
        }
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one secret is needed to sign a webhook.", nameof(secrets));
        }
        var unix = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{unix}.");
        var signatures = new string[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secrets[i].Key);
            hmac.AppendData(prefix);
            hmac.AppendData(body);
            signatures[i] = "v1," + Convert.ToBase64String(hmac.GetHashAndReset());
        }
        return new WebhookHeaders(messageId, unix, string.Join(' ', signatures));
    }

    public static WebhookHeaders Sign(string messageId, DateTimeOffset timestamp, string body, IReadOnlyList<WebhookSecret> secrets) =>
        Sign(messageId, timestamp, Encoding.UTF8.GetBytes(body), secrets);
}
