using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Assist;

/// <summary>
/// An agency user working inside a client's account without its credentials: for a stated reason, for a time box
/// (30 minutes by default), and in the access log the client reads.
/// </summary>
public sealed class AssistSession
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(30);

    private AssistSession()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The agency whose user assists.</summary>
    public AgencyId AgencyId { get; private set; }

    public SubAccountId SubAccountId { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsLive(DateTimeOffset now) => EndedAt is null && ExpiresAt > now;

    /// <summary>
    /// How actions inside the session are recorded: the account acted on, and the real person behind them, named with
    /// their agency ("Dana (Brightside Digital)") so the client's access log says who worked in its account.
    /// </summary>
    public Actor Actor(string agencyName) =>
        new($"sub-account:{SubAccountId}", $"{UserName} ({agencyName})", $"user:{UserId}");

    public static AssistSession Start(AgencyId agencyId, SubAccountId subAccountId, Guid userId, string userName, string reason, DateTimeOffset now, TimeSpan length) => new()
    {
        Id = Guid.CreateVersion7(),
        AgencyId = agencyId,
        SubAccountId = subAccountId,
        UserId = userId,
        UserName = userName,
        Reason = reason.Trim(),
        StartedAt = now,
        ExpiresAt = now + length,
    };

    internal void End(DateTimeOffset now) => EndedAt ??= now;
}
