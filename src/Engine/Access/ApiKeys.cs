using System.Security.Cryptography;
using System.Text;

namespace ResellerKit.Engine.Access;

/// <summary>
/// API keys are 256 random bits, so a fast hash is enough to store them: nobody can brute-force the preimage, and
/// a lookup by hash costs one index probe.
/// </summary>
public static class ApiKeys
{
    public const string AgencyPrefix = "rk_agency_";
    public const string PlatformPrefix = "rk_platform_";

    public static string Generate(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool FixedTimeEquals(string hashA, string hashB) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hashA), Encoding.ASCII.GetBytes(hashB));
}
