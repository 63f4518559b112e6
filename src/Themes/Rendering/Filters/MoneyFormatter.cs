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

    /// <summary>
    /// A price that may hold fractions of a minor unit, such as a price per credit of 1.5 cents: the currency's own
    /// digits, and up to four more when the amount needs them (<c>$0.15</c>, <c>$0.015</c>).
    /// </summary>
    public static string FormatFractional(decimal minorUnits, string currency, CultureInfo culture)
    {
        var digits = Currencies.MinorDigits(currency);
        var amount = minorUnits / (decimal)Math.Pow(10, digits) / 1.000000000000000000000000000000000m; // drops trailing zeros
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Currencies.Symbol(currency);
        format.CurrencyDecimalDigits = Math.Clamp(amount.Scale, digits, digits + 4);
        return Math.Round(amount, format.CurrencyDecimalDigits).ToString("C", format);
    }
}
