using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Access;

/// <summary>An agency's API key. Only its SHA-256 hash is stored; the key itself is shown once, when issued.</summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public string Hash { get; private set; } = "";

    /// <summary>The first characters of the key, so that people can tell their keys apart.</summary>
    public string Prefix { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static (ApiKey Key, string Plaintext) Issue(AgencyId agencyId, DateTimeOffset now)
    {
        var plaintext = ApiKeys.Generate(ApiKeys.AgencyPrefix);
        return (new ApiKey
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agencyId,
            Hash = ApiKeys.Hash(plaintext),
            Prefix = plaintext[..(ApiKeys.AgencyPrefix.Length + 6)],
            CreatedAt = now,
        }, plaintext);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
