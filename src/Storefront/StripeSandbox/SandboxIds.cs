using System.Security.Cryptography;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Stripe-looking ids: a prefix and 24 random letters and digits (<c>cs_test_a1B2…</c>).</summary>
public static class SandboxIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string prefix) => prefix + "_" + RandomNumberGenerator.GetString(Alphabet, 24);
}
