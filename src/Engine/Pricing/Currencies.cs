using System.Text.RegularExpressions;

namespace ResellerKit.Engine.Pricing;

/// <summary>ISO-4217 codes in lower case, as Stripe writes them.</summary>
public static partial class Currencies
{
    public static bool IsValid(string? currency) => currency is not null && Pattern().IsMatch(currency);

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex Pattern();
}
