using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.OwnershipTransfers;

/// <summary>The one query for "is a transfer of this account waiting for an answer".</summary>
public static class OpenTransfers
{
    public static IQueryable<OwnershipTransfer> OpenFor(this IQueryable<OwnershipTransfer> transfers, SubAccountId subAccountId, DateTimeOffset now) =>
        transfers.Where(t => t.SubAccountId == subAccountId && t.Status == TransferStatus.Pending && t.ExpiresAt > now);
}
