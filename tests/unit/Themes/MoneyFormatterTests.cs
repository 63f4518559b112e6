using System.Globalization;
using ResellerKit.Themes.Rendering.Filters;

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
}
