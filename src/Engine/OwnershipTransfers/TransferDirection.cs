namespace ResellerKit.Engine.OwnershipTransfers;

public enum TransferDirection
{
    /// <summary>An agency-owned account becomes the client's own.</summary>
    ToClient,

    /// <summary>A client-owned account becomes owned by a connected agency.</summary>
    ToAgency,
}
