namespace ResellerKit.Engine.Pricing;

/// <summary>
/// The one place that turns credits into money. Its rules, pinned by table-driven tests:
/// <list type="bullet">
/// <item>a custom quantity costs <c>credits × price per credit</c>, rounded UP to a whole minor unit (never undercharged);</item>
/// <item>the platform fee is <c>credits × fee per credit × (1 − discount)</c>, rounded half away from zero, and never more than the amount;</item>
/// <item>a price meets the floor when <c>amount ≥ credits × floor</c>, compared exactly, with no rounding.</item>
/// </list>
/// </summary>
public static class CreditPricing
{
    public static long AmountFor(long credits, PricePerCredit price) => checked((long)Math.Ceiling(credits * price.Minor));

    /// <summary>Credits at a pack's rate (its amount over its credits), rounded UP, as a custom quantity is.</summary>
    public static long AmountAtPackRate(long credits, long packCredits, long packAmount) =>
        checked((long)Math.Ceiling((decimal)credits * packAmount / packCredits));

    public static long PlatformFee(long credits, PricePerCredit feePerCredit, decimal discountPercent, long amount)
    {
        var fee = credits * feePerCredit.Minor * (100m - discountPercent) / 100m;
        return Math.Min(amount, checked((long)Math.Round(fee, MidpointRounding.AwayFromZero)));
    }

    public static bool MeetsFloor(long credits, long amount, PricePerCredit floor) => amount >= credits * floor.Minor;

    public static decimal PerCredit(long credits, long amount) => credits == 0 ? 0 : Math.Round((decimal)amount / credits, PricePerCredit.MaxDecimals);
}
