namespace ResellerKit.Engine.Pricing;

/// <summary>What a pack earns: its price, the platform's fee, and what the agency keeps.</summary>
public sealed record PackMargin(long Price, long PlatformFee, long AgencyNet, long PlatformFeeClientOwned, long AgencyNetClientOwned);

/// <summary>
/// An agency's pack as the back office shows it: with its margin, and whether a raised floor invalidated it or the
/// platform does not sell its currency (<see cref="CurrencyOffered"/> false: no floor, so no margin either).
/// </summary>
public sealed record PackSummary(CreditPack Pack, PackMargin Margin, bool BelowMinimum, long MinimumAmount, bool CurrencyOffered = true)
{
    public bool OnSale => CurrencyOffered && !BelowMinimum;
}
