using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>One leg of a <see cref="LedgerTransaction"/>: credits into (positive) or out of (negative) a wallet.</summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
    }

    public long Id { get; private set; }

    public long TransactionSequence { get; private set; }

    public WalletId WalletId { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public long Amount { get; private set; }

    internal static LedgerEntry For(WalletRef wallet, long amount) => new()
    {
        WalletId = wallet.Id,
        AgencyId = wallet.AgencyId,
        Amount = amount,
    };
}
