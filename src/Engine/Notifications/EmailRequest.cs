using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Notifications;

/// <summary>
/// An email to send, as data: who gets it, on whose behalf (the agency whose branding it carries), and the facts of
/// its kind. The host renders it through the agency's theme when the outbox delivers it.
/// </summary>
public sealed record EmailRequest(EmailKind Kind, string To, string ToName, AgencyId? AgencyId)
{
    public SubAccountId? SubAccountId { get; init; }

    public string? ActionUrl { get; init; }

    /// <summary>A path on this platform (<c>/admin/connections/respond?token=…</c>); the host turns it into an absolute link.</summary>
    public string? ActionPath { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>A first password. The outbox clears the payload once the email is delivered.</summary>
    public string? Password { get; init; }

    public string? OtherParty { get; init; }

    public string? Reason { get; init; }

    public string? PackName { get; init; }

    public long? Credits { get; init; }

    public long? Balance { get; init; }

    public long? Threshold { get; init; }

    /// <summary>A receipt's credits that went to repay the account's debt from an earlier refund.</summary>
    public long? DebtRepaid { get; init; }

    public long? AmountMinor { get; init; }

    public string? Currency { get; init; }

    public string? Reference { get; init; }
}
