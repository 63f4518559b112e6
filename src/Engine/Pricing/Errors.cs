using System.Globalization;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Pricing;

public sealed record PriceBelowMinimum(string Currency, decimal FloorPerCredit, long Credits, long MinimumAmount, long OfferedAmount)
    : Error("price_below_minimum")
{
    public override string Detail => string.Create(CultureInfo.InvariantCulture,
        $"The platform minimum for {Currency} is {FloorPerCredit} minor units per credit, so {Credits} credits must cost at least {MinimumAmount}; {OfferedAmount} is below it.");
}

/// <summary>The platform has set no minimum price and fee for this currency, so nothing is sold in it.</summary>
public sealed record CurrencyNotOffered(string Currency, IReadOnlyList<string> Offered) : Error("currency_not_offered")
{
    public override string Detail =>
        $"Credits are not sold in {Currency.ToUpperInvariant()}: the platform has not set a minimum price and fee for it. "
        + (Offered.Count == 0
            ? "The platform has not set one for any currency yet."
            : $"Use one of: {string.Join(", ", Offered.Select(c => c.ToUpperInvariant()))}.");
}

public sealed record PaymentsNotConnected() : Error("conflict")
{
    public override string Detail => "This agency has not finished connecting its Stripe account, so it cannot take payments yet.";
}
