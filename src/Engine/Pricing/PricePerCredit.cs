using System.Globalization;

namespace ResellerKit.Engine.Pricing;

/// <summary>
/// A price per credit in minor units, which may be fractional: "1.5" is one and a half cents per credit. The API
/// carries it as a decimal string so that no float ever rounds it.
/// </summary>
public readonly record struct PricePerCredit(decimal Minor)
{
    public const int MaxDecimals = 6;
    public const decimal Max = 1_000_000m;

    public static bool TryParse(string? text, out PricePerCredit price)
    {
        price = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 20
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value.Scale > MaxDecimals || value < 0 || value > Max)
        {
            return false;
        }
        price = new PricePerCredit(value);
        return true;
    }

    public override string ToString() => Minor.ToString("0.######", CultureInfo.InvariantCulture);
}
