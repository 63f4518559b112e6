namespace ResellerKit.Engine.Common;

/// <summary>
/// Who did something, for the audit log: an API key, a user, or the system. When an agency user assists a
/// sub-account, <see cref="Id"/> is the account acted as and <see cref="RealActorId"/> the person behind it.
/// </summary>
public sealed record Actor(string Id, string Name, string? RealActorId = null)
{
    public static Actor System { get; } = new("system", "System");

    public static Actor Platform { get; } = new("platform", "Platform API key");

    /// <summary>A person signed in to the back office (not a key or the system): a name to show in what they send.</summary>
    public bool IsPerson => Id.StartsWith("user:", StringComparison.Ordinal);
}
