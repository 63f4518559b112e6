using System.Globalization;
using DotLiquid;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>
/// DotLiquid's stand-ins for ResellerKit's <c>money</c> and <c>asset_url</c>: the same text for the bench data
/// (en-US money, theme version 1), without the product's culture rules or checks. DotLiquid names them snake_case.
/// </summary>
public static class DotLiquidFilters
{
    public static string Money(object? input) =>
        input is IDictionary<string, object> money && money["currency"] is "usd"
            ? "$" + (Convert.ToDecimal(money["amount"], CultureInfo.InvariantCulture) / 100m).ToString("N2", CultureInfo.InvariantCulture)
            : throw new ArgumentException("The bench's money filter formats usd money only.");

    public static string AssetUrl(Context context, string input) =>
        $"{((string)context["urls.assets"]).TrimEnd('/')}/{input}?v=1";
}
