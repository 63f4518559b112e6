namespace ResellerKit.Engine.Credits;

/// <summary>
/// The order in which a debit burns a wallet's lots: the soonest expiry first (lots that never expire last), then
/// promotional credits before paid ones, then the oldest first.
/// </summary>
public sealed class LotOrder : IComparer<CreditLot>
{
    public static LotOrder Instance { get; } = new();

    public int Compare(CreditLot? x, CreditLot? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        return Compare((x.ExpiresAt, x.Promotional, x.Id), (y.ExpiresAt, y.Promotional, y.Id));
    }

    /// <summary>The same order over a lot's expiry, kind and id, for code that reads lots without tracking them.</summary>
    public static int Compare((DateTimeOffset? ExpiresAt, bool Promotional, long Id) x, (DateTimeOffset? ExpiresAt, bool Promotional, long Id) y)
    {
        var byExpiry = (x.ExpiresAt, y.ExpiresAt) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } a, { } b) => a.CompareTo(b),
        };
        if (byExpiry != 0) return byExpiry;
        if (x.Promotional != y.Promotional) return x.Promotional ? -1 : 1;
        return x.Id.CompareTo(y.Id);
    }
}
