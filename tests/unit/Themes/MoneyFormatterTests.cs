using System.Globalization;
using ResellerKit.Themes.Rendering.Filters;
using StripeCurrencies = ResellerKit.Engine.Pricing.Currencies;

namespace ResellerKit.Tests.Unit.Themes;

public sealed class MoneyFormatterTests
{
    [Theory]
    [InlineData("15", "usd", "en-US", "$0.15")]
    [InlineData("1.5", "usd", "en-US", "$0.015")]
    [InlineData("12.000", "eur", "de-DE", "0,12 €")]
    [InlineData("0.123456789", "usd", "en-US", "$0.001235")]
    [InlineData("3", "jpy", "ja-JP", "¥3")]
    public void FormatFractional_KeepsTheCurrencysDigitsAndOnlyTheFractionsItNeeds(string minor, string currency, string locale, string expected) =>
        MoneyFormatter.FormatFractional(decimal.Parse(minor, CultureInfo.InvariantCulture), currency, CultureInfo.GetCultureInfo(locale))
            .ShouldBe(expected);

    [Theory]
    [InlineData(150_000, "isk", "ISK1,500")]   // Stripe counts krónur in hundredths, and they are written whole
    [InlineData(1_500, "mga", "MGA1,500")]     // ariary have no minor unit in Stripe
    [InlineData(1_500, "jpy", "¥1,500")]
    [InlineData(1_500, "kwd", "KWD1.500")]     // three-decimal: fils
    [InlineData(1_500, "usd", "$15.00")]
    public void Format_ZeroAndThreeDecimalCurrencies_ReadsStripesMinorUnits(long minor, string currency, string expected) =>
        MoneyFormatter.Format(minor, currency, CultureInfo.GetCultureInfo("en-US")).ShouldBe(expected);

    [Fact]
    public void MinorUnitsPerUnit_ForEveryCurrencyMoneyMayBeEnteredIn_IsWhatTheEngineCountsIn()
    {
        var disagreements = StripeCurrencies.All
            .Where(c => MoneyFormatter.MinorUnitsPerUnit(c) != (long)Math.Pow(10, StripeCurrencies.Exponent(c)))
            .ToList();

        disagreements.ShouldBeEmpty();
    }
}
