namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>What money formatting needs to know of a currency: its symbol and its number of minor digits (ISO 4217).</summary>
internal static class Currencies
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = "$", ["eur"] = "€", ["gbp"] = "£", ["jpy"] = "¥", ["cny"] = "CN¥", ["inr"] = "₹", ["krw"] = "₩",
        ["cad"] = "CA$", ["aud"] = "A$", ["nzd"] = "NZ$", ["chf"] = "CHF", ["sek"] = "kr", ["nok"] = "kr", ["dkk"] = "kr",
        ["pln"] = "zł", ["brl"] = "R$", ["mxn"] = "MX$", ["zar"] = "R", ["sgd"] = "S$", ["hkd"] = "HK$",
    };

    private static readonly HashSet<string> NoMinorUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "bif", "clp", "djf", "gnf", "isk", "jpy", "kmf", "krw", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    };

    private static readonly HashSet<string> ThreeMinorDigits = new(StringComparer.OrdinalIgnoreCase)
    {
        "bhd", "iqd", "jod", "kwd", "lyd", "omr", "tnd",
    };

    public static string Symbol(string currency) => Symbols.GetValueOrDefault(currency) ?? currency.ToUpperInvariant();

    public static int MinorDigits(string currency) =>
        NoMinorUnits.Contains(currency) ? 0 : ThreeMinorDigits.Contains(currency) ? 3 : 2;
}
