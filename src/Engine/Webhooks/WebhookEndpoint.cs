using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Webhooks;

/// <summary>
/// An agency's one webhook endpoint: the URL, the events it wants, and its signing secret, stored protected (the host
/// encrypts it; the Engine never sees it in clear). After a rotation the previous secret keeps signing, beside the new
/// one, until <see cref="PreviousSecretExpiresAt"/>, so that the agency can switch over without losing a message.
/// </summary>
public sealed class WebhookEndpoint
{
    private WebhookEndpoint()
    {
    }

    public AgencyId AgencyId { get; private set; }

    public string Url { get; private set; } = "";

    /// <summary>The subscribed event types, comma-separated.</summary>
    public string Events { get; private set; } = "";

    public string ProtectedSecret { get; private set; } = "";

    public string? PreviousProtectedSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>Set when the endpoint answered 410 Gone; saving the endpoint again enables it.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public string? DisabledReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string type) => DisabledAt is null && EventList.Contains(type, StringComparer.Ordinal);

    public static WebhookEndpoint Create(AgencyId agencyId, string url, IEnumerable<string> events, string protectedSecret, DateTimeOffset now) => new()
    {
        AgencyId = agencyId,
        Url = url,
        Events = string.Join(',', events.Distinct(StringComparer.Ordinal)),
        ProtectedSecret = protectedSecret,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Update(string url, IEnumerable<string> events, DateTimeOffset now)
    {
        Url = url;
        Events = string.Join(',', events.Distinct(StringComparer.Ordinal));
        DisabledAt = null;
        DisabledReason = null;
        UpdatedAt = now;
    }

    public void RotateSecret(string newProtectedSecret, DateTimeOffset now, TimeSpan overlap)
    {
        PreviousProtectedSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + overlap;
        ProtectedSecret = newProtectedSecret;
        UpdatedAt = now;
    }

    /// <summary>The protected secrets that sign at <paramref name="now"/>: the current one, and the previous during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousProtectedSecret is { } previous && PreviousSecretExpiresAt > now ? [ProtectedSecret, previous] : [ProtectedSecret];

    internal void Disable(string reason, DateTimeOffset now)
    {
        DisabledAt = now;
        DisabledReason = Clip.To(500, reason);
        UpdatedAt = now;
    }
}
