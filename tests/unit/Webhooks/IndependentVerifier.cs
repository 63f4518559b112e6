using System.Security.Cryptography;
using System.Text;

namespace ResellerKit.Tests.Unit.Webhooks;

/// <summary>
/// A receiver's check, written from the Standard Webhooks spec and sharing no code with the product: strip
/// <c>whsec_</c>, base64-decode the key, HMAC-SHA256 <c>id.timestamp.body</c>, and accept when any space-separated
/// <c>v1,</c> signature matches in constant time.
/// </summary>
public static class IndependentVerifier
{
    public static bool Verifies(string secret, string id, string timestamp, string body, string signatureHeader)
    {
        var key = Convert.FromBase64String(secret.Split('_', 2)[1]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body));
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1"
                && CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(parts[1])))
            {
                return true;
            }
        }
        return false;
    }
}
