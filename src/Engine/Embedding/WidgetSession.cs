using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Embedding;

/// <summary>
/// One client secret handed to an agency's server for the embedded widget: bound to one sub-account of one agency,
/// short-lived, and revocable. The secret itself is never stored; the host signs it and keeps only this row, which
/// says whether it is still good.
/// </summary>
public sealed class WidgetSession
{
    /// <summary>The longest a client secret may live, as Stripe's customer sessions do.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(30);

    private WidgetSession()
    {
    }

    public WidgetSessionId Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public SubAccountId SubAccountId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    internal static WidgetSession Open(AgencyId agencyId, SubAccountId subAccountId, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = WidgetSessionId.New(),
        AgencyId = agencyId,
        SubAccountId = subAccountId,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };
}
