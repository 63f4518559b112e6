using System.Globalization;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Pricing;

public sealed record PriceBelowMinimum(string Currency, decimal FloorPerCredit, long Credits, long MinimumAmount, long OfferedAmount)
    : Error("price_below_minimum")
{
    public override string Detail => string.Create(CultureInfo.InvariantCulture,
        $"The platform minimum for {Currency} is {FloorPerCredit} minor units per credit, so {Credits} credits must cost at least {MinimumAmount}; {OfferedAmount} is below it.");
}

public sealed record PaymentsNotConnected() : Error("conflict")
{
    public override string Detail => "This agency has not finished connecting its Stripe account, so it cannot take payments yet.";
}
