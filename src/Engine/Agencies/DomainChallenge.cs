using System.Security.Cryptography;

namespace ResellerKit.Engine.Agencies;

/// <summary>
/// The DNS TXT record that proves an agency controls its custom domain: <c>_resellerkit-challenge.{domain}</c> holding
/// <c>resellerkit-domain-verification={token}</c>. A token is random per request of a domain.
/// </summary>
public sealed record DomainChallenge(string RecordName, string RecordValue)
{
    public const string RecordPrefix = "_resellerkit-challenge.";
    public const string ValuePrefix = "resellerkit-domain-verification=";

    /// <summary>
    /// The longest custom domain whose record name still fits in DNS: a name is at most 253 characters (255 octets on
    /// the wire), and the record's is <see cref="RecordPrefix"/> in front of the domain.
    /// </summary>
    public static int MaxDomainLength { get; } = 253 - RecordPrefix.Length;

    public static DomainChallenge? For(Agency agency) =>
        agency is { CustomDomain: { } domain, CustomDomainToken: { } token } ? new(RecordPrefix + domain, ValuePrefix + token) : null;

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
