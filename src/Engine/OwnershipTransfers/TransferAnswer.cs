using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.OwnershipTransfers;

/// <summary>
/// The one door by which a waiting transfer is answered (accepted, cancelled or withdrawn), as the first write of the
/// answer's transaction: a conditional update that changes the row only while it is still pending and open. Of two
/// answers at once, the database lets exactly one through (the other waits for its row lock, then finds the row
/// answered and changes nothing), so an account is never moved twice, nor moved while its transfer says cancelled.
/// </summary>
internal static class TransferAnswer
{
    /// <summary>Whether this answer is the one that counts, and the transfer as it now stands.</summary>
    public static async Task<(bool Answered, OwnershipTransfer Transfer)> GiveAsync(
        EngineDbContext db, Guid transferId, TransferStatus answer, string by, DateTimeOffset now, CancellationToken ct)
    {
        var changed = await db.OwnershipTransfers
            .Where(t => t.Id == transferId && t.Status == TransferStatus.Pending && t.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, answer)
                .SetProperty(t => t.EndedBy, by)
                .SetProperty(t => t.EndedAt, now), ct);
        var transfer = await db.OwnershipTransfers.AsNoTracking().SingleAsync(t => t.Id == transferId, ct);
        return (changed == 1, transfer);
    }

    /// <summary>Why an accept that came second is refused: the transfer expired, or was already accepted or cancelled.</summary>
    public static Common.Error TooLateToAccept(OwnershipTransfer transfer, DateTimeOffset now) =>
        transfer.ProblemAt(now) ?? new TransferLinkUsed(transfer.Status, transfer.Direction);

    /// <summary>Why a cancel or withdrawal that came second is refused: an answer got there first, or the transfer expired.</summary>
    public static Common.Error TooLateToCancel(OwnershipTransfer transfer, string resource) =>
        transfer.Status is TransferStatus.Accepted or TransferStatus.Cancelled
            ? new TransferAlreadyAnswered(transfer.Status, transfer.Direction)
            : new Common.NotFound(resource);
}
