using System.Globalization;

namespace ResellerKit.Engine.Pricing;

/// <summary>
/// Amounts as people type them, in the currency's own units ("12.00" dollars, "1500" yen, "0.005" dollars per
/// credit), turned into Stripe's minor units exactly, and back for a form's field. The API keeps minor units; only
/// forms use this. A dot or a comma separates the decimals; symbols, spaces and thousands separators are refused
/// rather than guessed.
/// </summary>
public static class MajorUnits
{
    /// <summary>A whole amount: at most as many decimals as the currency has (none for jpy), at least one minor unit.</summary>
    public static bool TryParseAmount(string? text, string currency, out long minor)
    {
        minor = 0;
        if (!TryParse(text, out var value) || value <= 0)
        {
            return false;
        }
        var scaled = value * Factor(currency);
        if (scaled != decimal.Truncate(scaled) || scaled > PackCommand.MaxUnitAmount)
        {
            return false;
        }
        minor = (long)scaled;
        return true;
    }

    /// <summary>A price per credit, which may hold fractions of a minor unit ("0.005" dollars = 0.5 cents).</summary>
    public static bool TryParsePerCredit(string? text, string currency, out PricePerCredit price)
    {
        price = default;
        return TryParse(text, out var value)
            && PricePerCredit.TryParse((value * Factor(currency)).ToString(CultureInfo.InvariantCulture), out price);
    }

    /// <summary>Minor units as a form field shows them: 1200 usd is "12.00", 1500 jpy is "1500".</summary>
    public static string Format(long minor, string currency) =>
        (minor / Factor(currency)).ToString("F" + Currencies.Exponent(currency), CultureInfo.InvariantCulture);

    /// <summary>A per-credit price as a form field shows it: 0.5 cents is "0.005".</summary>
    public static string Format(PricePerCredit price, string currency) =>
        (price.Minor / Factor(currency) / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static decimal Factor(string currency) => (decimal)Math.Pow(10, Currencies.Exponent(currency));

    private static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var trimmed = text?.Trim().Replace(',', '.');
        return !string.IsNullOrEmpty(trimmed) && trimmed.Length <= 20 && trimmed.Count(c => c == '.') <= 1
            && trimmed.All(c => char.IsAsciiDigit(c) || c == '.')
            && decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
