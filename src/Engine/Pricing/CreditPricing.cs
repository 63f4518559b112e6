namespace ResellerKit.Engine.Pricing;

/// <summary>
/// The one place that turns credits into money. Its rules, pinned by table-driven tests:
/// <list type="bullet">
/// <item>a custom quantity costs <c>credits × price per credit</c>, rounded UP to the currency's chargeable step (a whole
/// minor unit; 10 for three-decimal currencies; 100 for isk), so it is never undercharged and Stripe accepts it;</item>
/// <item>the platform fee is <c>credits × fee per credit × (1 − discount)</c>, rounded half away from zero to the same
/// step, and never more than the amount;</item>
/// <item>a price meets the floor when <c>amount ≥ credits × floor</c>, compared exactly, with no rounding.</item>
/// </list>
/// </summary>
public static class CreditPricing
{
    public static long AmountFor(long credits, PricePerCredit price, string currency) => UpToStep(credits * price.Minor, currency);

    /// <summary>Credits at a pack's rate (its amount over its credits), rounded UP, as a custom quantity is.</summary>
    public static long AmountAtPackRate(long credits, long packCredits, long packAmount, string currency) =>
        UpToStep((decimal)credits * packAmount / packCredits, currency);

    public static long PlatformFee(long credits, PricePerCredit feePerCredit, decimal discountPercent, long amount, string currency)
    {
        var step = Currencies.Increment(currency);
        var fee = credits * feePerCredit.Minor * (100m - discountPercent) / 100m;
        return Math.Min(amount, checked((long)Math.Round(fee / step, MidpointRounding.AwayFromZero) * step));
    }

    public static bool MeetsFloor(long credits, long amount, PricePerCredit floor) => amount >= credits * floor.Minor;

    /// <summary>True when Stripe can charge this amount in this currency (a whole number of its steps).</summary>
    public static bool IsChargeable(long amount, string currency) => amount % Currencies.Increment(currency) == 0;

    public static decimal PerCredit(long credits, long amount) => credits == 0 ? 0 : Math.Round((decimal)amount / credits, PricePerCredit.MaxDecimals);

    private static long UpToStep(decimal minor, string currency)
    {
        var step = Currencies.Increment(currency);
        return checked((long)Math.Ceiling(minor / step) * step);
    }
}
