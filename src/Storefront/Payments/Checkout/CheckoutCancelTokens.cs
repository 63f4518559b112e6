using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Payments.Checkout;

/// <summary>
/// The token in a checkout's "Cancel and return" link: HMAC-SHA256 of its purchase id, keyed by a secret the install
/// makes once and keeps encrypted in the database (<see cref="ProtectedSettings"/>), so every node signs and checks
/// alike. Only a link Stripe was given for that purchase closes it. The token is the same for every build of the same
/// purchase's link, because Stripe refuses a retried request (same idempotency key) whose parameters changed.
/// </summary>
public sealed class CheckoutCancelTokens(ProtectedSettings settings)
{
    private const string SettingKey = "checkout_cancel_key";

    /// <summary>Signs purchase ids with the install's key.</summary>
    public async ValueTask<Func<PurchaseId, string>> SignerAsync(CancellationToken ct)
    {
        var secret = await KeyAsync(ct);
        return purchase => Base64Url.EncodeToString(Sign(secret, purchase));
    }

    /// <summary>True when <paramref name="token"/> is the token of <paramref name="purchase"/>'s cancel link.</summary>
    public async ValueTask<bool> OpensAsync(PurchaseId purchase, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return false;
        }
        byte[] presented;
        try
        {
            presented = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = Sign(await KeyAsync(ct), purchase);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    private static byte[] Sign(byte[] secret, PurchaseId purchase) =>
        HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes("rkcancel1." + purchase.Value.ToString("N")));

    private Task<byte[]> KeyAsync(CancellationToken ct) =>
        settings.GetOrCreateAsync(SettingKey, "ResellerKit.Checkout.CancelKey", () => RandomNumberGenerator.GetBytes(32), ct);
}
