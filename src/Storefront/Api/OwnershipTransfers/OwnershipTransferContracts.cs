using ResellerKit.Engine.Common;
using ResellerKit.Engine.OwnershipTransfers;

namespace ResellerKit.Storefront.Api.OwnershipTransfers;

/// <summary>A transfer as the agency that started it sees it: <c>{ status: "pending", expiresAt }</c>.</summary>
public sealed record OwnershipTransferResponse(TransferStatus Status, DateTimeOffset ExpiresAt)
{
    public static OwnershipTransferResponse From(OwnershipTransfer t) => new(t.Status, t.ExpiresAt);
}

/// <summary>An account a client offered to the calling agency.</summary>
public sealed record OwnershipOfferResponse(Guid Id, SubAccountId SubAccountId, string AccountName, TransferStatus Status, DateTimeOffset ExpiresAt);

public sealed record OwnershipOffersResponse(IReadOnlyList<OwnershipOfferResponse> Data);
