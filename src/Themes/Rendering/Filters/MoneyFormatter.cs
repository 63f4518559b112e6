using System.Globalization;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// Formats Stripe's minor units of a currency the way a locale writes money: en-US <c>$15.00</c>, de-DE <c>15,00 €</c>,
/// ja-JP <c>¥1,500</c> (yen have no minor unit), and isk 50000 as <c>ISK 500</c> (Stripe counts krónur in hundredths).
/// </summary>
public static class MoneyFormatter
{
    public static string Format(long minorUnits, string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Currencies.Symbol(currency);
        format.CurrencyDecimalDigits = Currencies.DisplayDigits(currency);
        return Major(minorUnits, currency).ToString("C", format);
    }

    /// <summary>
    /// A price that may hold fractions of a minor unit, such as a price per credit of 1.5 cents: the currency's own
    /// digits, and up to four more when the amount needs them (<c>$0.15</c>, <c>$0.015</c>).
    /// </summary>
    public static string FormatFractional(decimal minorUnits, string currency, CultureInfo culture)
    {
        var digits = Currencies.DisplayDigits(currency);
        var amount = Major(minorUnits, currency) / 1.000000000000000000000000000000000m; // drops trailing zeros
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Currencies.Symbol(currency);
        format.CurrencyDecimalDigits = Math.Clamp(amount.Scale, digits, Currencies.Exponent(currency) + 4);
        return Math.Round(amount, format.CurrencyDecimalDigits).ToString("C", format);
    }

    /// <summary>How many of Stripe's minor units make one unit of the currency: 100 for usd, 1 for jpy, 1000 for kwd.</summary>
    public static long MinorUnitsPerUnit(string currency) => (long)Math.Pow(10, Currencies.Exponent(currency));

    private static decimal Major(decimal minorUnits, string currency) => minorUnits / MinorUnitsPerUnit(currency);
}
