using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Notifications;

/// <summary>A recipient who unsubscribed from an agency's non-transactional email (such as low-balance alerts).</summary>
public sealed class EmailOptOut
{
    private EmailOptOut()
    {
    }

    public AgencyId AgencyId { get; private set; }

    public string Email { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static EmailOptOut Create(AgencyId agencyId, string email, DateTimeOffset now) =>
        new() { AgencyId = agencyId, Email = Input.NormalizeEmail(email), CreatedAt = now };
}
