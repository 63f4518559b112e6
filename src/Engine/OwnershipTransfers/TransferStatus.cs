namespace ResellerKit.Engine.OwnershipTransfers;

public enum TransferStatus
{
    Pending,
    Accepted,
    Cancelled,
    Expired,
}
