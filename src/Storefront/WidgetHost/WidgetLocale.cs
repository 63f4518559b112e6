using System.Globalization;
using System.Text.RegularExpressions;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>The culture money and numbers are written in: the page's <c>locale</c> attribute when it names a real one, else the agency's.</summary>
public static partial class WidgetLocale
{
    public static CultureInfo Resolve(string? requested, string agencyLocale) =>
        Find(requested) ?? Find(agencyLocale) ?? CultureInfo.GetCultureInfo("en-US");

    private static CultureInfo? Find(string? name)
    {
        if (name is null || !Tag().IsMatch(name))
        {
            return null;
        }
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
    private static partial Regex Tag();
}
