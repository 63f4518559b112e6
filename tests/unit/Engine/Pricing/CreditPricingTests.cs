using ResellerKit.Engine.Pricing;

namespace ResellerKit.Tests.Unit.Engine.Pricing;

/// <summary>Pins the rounding rules of the one type that turns credits into money.</summary>
public sealed class CreditPricingTests
{
    [Theory]
    [InlineData(100, "15", 1500)]
    [InlineData(3, "0.5", 2)]          // 1.5 cents rounds up: never undercharge
    [InlineData(1, "0.001", 1)]
    [InlineData(7, "1.333333", 10)]    // 9.333331 -> 10
    [InlineData(1000, "0.25", 250)]    // exact stays exact
    [InlineData(1_000_000_000_000, "0.000001", 1_000_000)]
    public void AmountFor_CustomQuantity_RoundsUpToAWholeMinorUnit(long credits, string perCredit, long expected)
    {
        PricePerCredit.TryParse(perCredit, out var price).ShouldBeTrue();

        CreditPricing.AmountFor(credits, price, "usd").ShouldBe(expected);
    }

    [Theory]
    [InlineData(100, "0.4", 0, 1500, 40)]
    [InlineData(100, "0.4", 25, 1500, 30)]     // the agency discount applies to the fee
    [InlineData(3, "0.5", 0, 100, 2)]          // 1.5 rounds half away from zero
    [InlineData(5, "0.3", 0, 100, 2)]          // 1.5 -> 2
    [InlineData(3, "0.1", 0, 100, 0)]          // 0.3 -> 0
    [InlineData(100, "50", 0, 1000, 1000)]     // never more than the amount
    [InlineData(100, "0.4", 100, 1500, 0)]
    public void PlatformFee_RoundsHalfAwayFromZeroAndNeverExceedsTheAmount(long credits, string feePerCredit, int discount, long amount, long expected)
    {
        PricePerCredit.TryParse(feePerCredit, out var fee).ShouldBeTrue();

        CreditPricing.PlatformFee(credits, fee, discount, amount, "usd").ShouldBe(expected);
    }

    [Theory]
    [InlineData(3, "0.5", "jpy", 2)]          // yen have no minor unit: 1.5 yen is charged as 2 yen
    [InlineData(100, "15", "jpy", 1500)]
    [InlineData(3, "1.5", "kwd", 10)]         // 4.5 fils rounds up to Stripe's step of 10 fils
    [InlineData(100, "15", "kwd", 1500)]
    [InlineData(3, "50.5", "isk", 200)]       // 151.5 hundredths: whole krónur only, rounded up
    [InlineData(2, "100", "isk", 200)]
    public void AmountFor_InACurrencyWithAStep_RoundsUpToWhatStripeCharges(long credits, string perCredit, string currency, long expected)
    {
        PricePerCredit.TryParse(perCredit, out var price).ShouldBeTrue();

        var amount = CreditPricing.AmountFor(credits, price, currency);

        amount.ShouldBe(expected);
        CreditPricing.IsChargeable(amount, currency).ShouldBeTrue();
    }

    [Theory]
    [InlineData(100, "0.4", 0, 1500, "jpy", 40)]
    [InlineData(3, "0.5", 0, 100, "jpy", 2)]
    [InlineData(100, "0.16", 0, 1500, "kwd", 20)]    // 16 fils: to the nearest 10, half away from zero
    [InlineData(100, "0.14", 0, 1500, "kwd", 10)]
    [InlineData(100, "1.5", 0, 20_000, "isk", 200)]  // 150 hundredths: 1.5 krónur rounds to 2
    [InlineData(100, "50", 0, 1000, "kwd", 1000)]    // never more than the amount
    public void PlatformFee_InACurrencyWithAStep_RoundsToWhatStripeCharges(
        long credits, string feePerCredit, int discount, long amount, string currency, long expected)
    {
        PricePerCredit.TryParse(feePerCredit, out var fee).ShouldBeTrue();

        CreditPricing.PlatformFee(credits, fee, discount, amount, currency).ShouldBe(expected);
    }

    [Theory]
    [InlineData(100, 50, "0.5", true)]   // exactly at the floor
    [InlineData(100, 49, "0.5", false)]
    [InlineData(3, 2, "0.5", true)]      // 2 >= 1.5: compared exactly, no rounding
    [InlineData(3, 1, "0.5", false)]
    [InlineData(1, 1, "0", true)]
    public void MeetsFloor_ComparesTheAmountWithCreditsTimesFloorExactly(long credits, long amount, string floor, bool expected)
    {
        PricePerCredit.TryParse(floor, out var price).ShouldBeTrue();

        CreditPricing.MeetsFloor(credits, amount, price).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.5", true)]
    [InlineData("0", true)]
    [InlineData("0.000001", true)]
    [InlineData("0.0000001", false)]  // more than 6 decimals
    [InlineData("-1", false)]
    [InlineData("1e3", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    [InlineData("1,5", false)]
    [InlineData("1000001", false)]
    public void TryParse_PricePerCredit_AcceptsOnlyPlainNonNegativeDecimals(string text, bool valid)
    {
        PricePerCredit.TryParse(text, out _).ShouldBe(valid);
    }
}
