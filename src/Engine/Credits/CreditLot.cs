using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// Credits granted into a pool or sub-account wallet together: the same expiry, the same kind. Debits burn lots
/// down in <see cref="LotOrder"/>; the lots of a wallet always sum to its balance.
/// </summary>
public sealed class CreditLot
{
    private CreditLot()
    {
    }

    public long Id { get; private set; }

    public WalletId WalletId { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public long GrantSequence { get; private set; }

    public LedgerTransaction? Grant { get; private set; }

    public long Original { get; private set; }

    public long Remaining { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool Promotional { get; private set; }

    internal static CreditLot For(WalletRef wallet, LedgerTransaction grant, long credits, LotTerms terms) => new()
    {
        WalletId = wallet.Id,
        AgencyId = wallet.AgencyId,
        Grant = grant,
        Original = credits,
        Remaining = credits,
        ExpiresAt = terms.ExpiresAt,
        Promotional = terms.Promotional,
    };
}

/// <summary>The terms of credits as they arrive in a wallet: when they expire, and whether they were given away.</summary>
public readonly record struct LotTerms(DateTimeOffset? ExpiresAt, bool Promotional)
{
    public static LotTerms Paid => new(null, false);
}
