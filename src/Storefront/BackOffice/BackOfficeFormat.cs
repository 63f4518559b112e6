using System.Globalization;
using ResellerKit.Themes.Rendering.Filters;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Numbers and money as the back office writes them (in English): through the same formatters as the storefront,
/// widget and emails, so "2,000" and "$0.015" read alike everywhere.
/// </summary>
public static class BackOfficeFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    public static string Count(long count) => NumberFormatter.Format(count, Culture);

    public static string Money(long minor, string currency) => MoneyFormatter.Format(minor, currency, Culture);

    public static string PerCredit(decimal minor, string currency) => MoneyFormatter.FormatFractional(minor, currency, Culture);
}
