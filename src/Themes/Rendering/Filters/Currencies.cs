namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// What money formatting needs to know of a currency: its symbol, how many digits Stripe's minor units add
/// (<see cref="Exponent"/>: amounts arrive as Stripe counts them), and how many digits people write
/// (<see cref="DisplayDigits"/>). The two differ for isk, which Stripe counts in hundredths but charges in whole krónur.
/// A test holds <see cref="Exponent"/> to the Engine's list of the currencies Stripe charges in.
/// </summary>
internal static class Currencies
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = "$", ["eur"] = "€", ["gbp"] = "£", ["jpy"] = "¥", ["cny"] = "CN¥", ["inr"] = "₹", ["krw"] = "₩",
        ["cad"] = "CA$", ["aud"] = "A$", ["nzd"] = "NZ$", ["chf"] = "CHF", ["sek"] = "kr", ["nok"] = "kr", ["dkk"] = "kr",
        ["pln"] = "zł", ["brl"] = "R$", ["mxn"] = "MX$", ["zar"] = "R", ["sgd"] = "S$", ["hkd"] = "HK$",
    };

    // Stripe's zero-decimal currencies: an amount of 500 is 500 whole units.
    private static readonly HashSet<string> NoMinorUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    };

    private static readonly HashSet<string> ThreeMinorDigits = new(StringComparer.OrdinalIgnoreCase)
    {
        "bhd", "iqd", "jod", "kwd", "lyd", "omr", "tnd",
    };

    // Counted in hundredths by Stripe, written (and charged) in whole units.
    private static readonly HashSet<string> WholeUnitsOnly = new(StringComparer.OrdinalIgnoreCase) { "isk" };

    public static string Symbol(string currency) => Symbols.GetValueOrDefault(currency) ?? currency.ToUpperInvariant();

    public static int Exponent(string currency) =>
        NoMinorUnits.Contains(currency) ? 0 : ThreeMinorDigits.Contains(currency) ? 3 : 2;

    public static int DisplayDigits(string currency) => WholeUnitsOnly.Contains(currency) ? 0 : Exponent(currency);
}
