using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.OwnershipTransfers;

/// <summary>
/// An offer to move who owns a sub-account: an agency hands an account it set up to its client
/// (<see cref="TransferDirection.ToClient"/>, accepted from an emailed single-use link), or a client offers its own
/// account to a connected agency (<see cref="TransferDirection.ToAgency"/>, accepted by that agency). At most one is
/// pending per account; it expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class OwnershipTransfer
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private OwnershipTransfer()
    {
    }

    public Guid Id { get; private set; }

    public SubAccountId SubAccountId { get; private set; }

    /// <summary>The agency on the other side of the move: the one handing the account over, or the one offered it.</summary>
    public AgencyId AgencyId { get; private set; }

    public TransferDirection Direction { get; private set; }

    public TransferStatus Status { get; private set; }

    /// <summary>The SHA-256 of the emailed link's token; the token itself is never stored.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedBy { get; private set; }

    public bool IsOpen(DateTimeOffset now) => Status == TransferStatus.Pending && ExpiresAt > now;

    /// <summary>Why the transfer can no longer be accepted at <paramref name="now"/>, or null while it is open.</summary>
    public Error? ProblemAt(DateTimeOffset now) =>
        Status == TransferStatus.Expired || (Status == TransferStatus.Pending && ExpiresAt <= now) ? new TransferExpired()
        : Status != TransferStatus.Pending ? new TransferLinkUsed(Status, Direction)
        : null;

    public static OwnershipTransfer Offer(SubAccountId subAccountId, AgencyId agencyId, TransferDirection direction, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        SubAccountId = subAccountId,
        AgencyId = agencyId,
        Direction = direction,
        Status = TransferStatus.Pending,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };
}
