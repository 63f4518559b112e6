using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.OwnershipTransfers;

public sealed record TransferAlreadyPending(DateTimeOffset ExpiresAt) : Error("conflict")
{
    public override string Detail => $"A transfer of this account is already waiting for an answer, until {ExpiresAt:yyyy-MM-dd HH:mm} UTC. Cancel it first to send a new one.";
}

public sealed record AlreadyClientOwned() : Error("conflict")
{
    public override string Detail => "The client already owns this account.";
}

public sealed record TransferNeedsSettling(string Reason) : Error("conflict")
{
    public override string Detail => Reason;
}

public sealed record TransferLinkUsed(TransferStatus Status, TransferDirection Direction) : Error("conflict")
{
    public override string Detail => (Status, Direction) switch
    {
        (TransferStatus.Accepted, _) => "This transfer was already accepted; the link works once.",
        (TransferStatus.Cancelled, TransferDirection.ToAgency) => "The client withdrew this offer, so it can no longer be accepted.",
        (TransferStatus.Cancelled, _) => "The agency cancelled this transfer, so the link no longer works.",
        _ => "This transfer is no longer open.",
    };
}

/// <summary>A cancel or withdrawal that came a moment too late: the transfer was answered first.</summary>
public sealed record TransferAlreadyAnswered(TransferStatus Status, TransferDirection Direction) : Error("conflict")
{
    public override string Detail => (Status, Direction) switch
    {
        (TransferStatus.Accepted, TransferDirection.ToClient) => "The client has just accepted this transfer, so it can no longer be cancelled.",
        (TransferStatus.Accepted, _) => "The agency has just taken over this account, so the offer can no longer be withdrawn.",
        (_, TransferDirection.ToClient) => "This transfer has just been cancelled.",
        _ => "This offer has just been withdrawn.",
    };
}

public sealed record TransferExpired() : Error("link_expired")
{
    public override string Detail => "This transfer has expired, so the link no longer works. Ask for a new one to be sent.";
}
