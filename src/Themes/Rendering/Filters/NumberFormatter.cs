using System.Globalization;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// Counts (credits, purchases) the way a locale writes them: en-US <c>2,000</c>, de-DE <c>2.000</c>. The storefront,
/// widget, back office and emails all print counts through here, and money through <see cref="MoneyFormatter"/>.
/// </summary>
public static class NumberFormatter
{
    public static string Format(long count, CultureInfo culture) => count.ToString("N0", culture);

    /// <summary>A number that may have a fraction: whole numbers as counts, others with the digits they need.</summary>
    public static string Format(decimal value, CultureInfo culture) =>
        value == decimal.Truncate(value) ? Format((long)value, culture) : (value / 1.0000000000000000000000000000m).ToString("#,##0.######", culture);
}
