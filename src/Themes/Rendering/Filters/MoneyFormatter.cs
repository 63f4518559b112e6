using System.Globalization;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>Formats minor units of a currency the way a locale writes money: en-US <c>$15.00</c>, de-DE <c>15,00 €</c>, ja-JP <c>¥1,500</c>.</summary>
public static class MoneyFormatter
{
    public static string Format(long minorUnits, string currency, CultureInfo culture)
    {
        var digits = Currencies.MinorDigits(currency);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Currencies.Symbol(currency);
        format.CurrencyDecimalDigits = digits;
        var amount = minorUnits / (decimal)Math.Pow(10, digits);
        return amount.ToString("C", format);
    }
}
