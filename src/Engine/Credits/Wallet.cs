using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// One account of the double-entry ledger. <see cref="Balance"/> is a cache of the sum of its entries; it only ever
/// changes through <see cref="LedgerWriter"/>, by conditional UPDATE, in the transaction that inserts the entries.
/// </summary>
public sealed class Wallet
{
    private Wallet()
    {
    }

    public WalletId Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public SubAccountId? SubAccountId { get; private set; }

    public WalletKind Kind { get; private set; }

    public long Balance { get; private set; }

    public WalletRef Ref => new(Id, AgencyId, Kind);

    public static Wallet Open(AgencyId agencyId, WalletKind kind, SubAccountId? subAccountId = null) => new()
    {
        Id = WalletId.New(),
        AgencyId = agencyId,
        SubAccountId = subAccountId,
        Kind = kind,
    };
}
