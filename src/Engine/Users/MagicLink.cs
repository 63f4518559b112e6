namespace ResellerKit.Engine.Users;

/// <summary>A one-time sign-in link: only the token's hash is stored, it expires in minutes, and it works once.</summary>
public sealed class MagicLink
{
    private MagicLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static MagicLink Issue(Guid userId, string tokenHash, DateTimeOffset expiresAt) =>
        new() { Id = Guid.CreateVersion7(), UserId = userId, TokenHash = tokenHash, ExpiresAt = expiresAt };
}
