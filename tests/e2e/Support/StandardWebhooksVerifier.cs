using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// A receiver's check written from the Standard Webhooks specification (standardwebhooks.com), sharing no code with
/// ResellerKit: the secret is <c>whsec_</c> + base64 key bytes; the signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>;
/// the header holds space-separated <c>v1,{base64 HMAC-SHA256}</c> entries, any one of which may match (compared in
/// constant time); the timestamp must be within five minutes of now, against replays.
/// </summary>
public static class StandardWebhooksVerifier
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool Verify(string secret, string? id, string? timestamp, string? signatureHeader, string body, DateTimeOffset now)
    {
        if (id is null || timestamp is null || signatureHeader is null || !secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return false;
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || (now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > Tolerance)
        {
            return false;
        }
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || entry[..comma] != "v1")
            {
                continue;
            }
            byte[] given;
            try
            {
                given = Convert.FromBase64String(entry[(comma + 1)..]);
            }
            catch (FormatException)
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return true;
            }
        }
        return false;
    }
}
