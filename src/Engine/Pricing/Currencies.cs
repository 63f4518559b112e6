using System.Diagnostics.CodeAnalysis;

namespace ResellerKit.Engine.Pricing;

/// <summary>
/// The currencies money may be entered in: ISO-4217 codes that Stripe charges in (its presentment currencies), in
/// lower case as Stripe writes them. A closed list: any other code is refused wherever a price, pack or floor is
/// entered. Amounts are in Stripe's minor units, whose rules differ by currency:
/// <list type="bullet">
/// <item>zero-decimal currencies (jpy, krw, …) count whole units: 500 is ¥500;</item>
/// <item>three-decimal currencies (bhd, jod, kwd, omr, tnd) count thousandths, and Stripe charges only multiples of 10;</item>
/// <item>isk stays two-decimal in Stripe's API but is charged in whole krónur: multiples of 100;</item>
/// <item>every other currency counts hundredths (cents).</item>
/// </list>
/// </summary>
public static class Currencies
{
    private static readonly string[] ZeroDecimal =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    private static readonly string[] ThreeDecimal = ["bhd", "jod", "kwd", "omr", "tnd"];

    private static readonly string[] TwoDecimal =
    [
        "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt", "bgn", "bmd", "bnd", "bob",
        "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf", "chf", "cny", "cop", "crc", "cve", "czk", "dkk", "dop", "dzd", "egp",
        "etb", "eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gtq", "gyd", "hkd", "hnl", "htg", "huf", "idr", "ils", "inr",
        "isk", "jmd", "kes", "kgs", "khr", "kyd", "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mkd", "mmk", "mnt",
        "mop", "mur", "mvr", "mwk", "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "pab", "pen", "pgk", "php",
        "pkr", "pln", "qar", "ron", "rsd", "rub", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle", "sos", "srd", "std", "szl",
        "thb", "tjs", "top", "try", "ttd", "twd", "tzs", "uah", "usd", "uyu", "uzs", "wst", "xcd", "xcg", "yer", "zar", "zmw",
    ];

    private static readonly Dictionary<string, int> Exponents =
        ZeroDecimal.Select(c => (c, 0)).Concat(ThreeDecimal.Select(c => (c, 3))).Concat(TwoDecimal.Select(c => (c, 2)))
            .ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);

    /// <summary>Every code money may be entered in, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Exponents.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True for a code Stripe charges in, written in lower case.</summary>
    public static bool IsValid([NotNullWhen(true)] string? currency) => currency is not null && Exponents.ContainsKey(currency);

    /// <summary>How many digits Stripe's minor units add to the currency: 0 for jpy, 3 for kwd, 2 for usd (and isk).</summary>
    public static int Exponent(string currency) => Exponents.TryGetValue(currency, out var digits) ? digits : 2;

    /// <summary>The smallest step Stripe charges in, in minor units: 1 almost everywhere; 10 for three-decimal currencies; 100 for isk.</summary>
    public static long Increment(string currency) => currency switch
    {
        "isk" => 100,
        _ when Exponent(currency) == 3 => 10,
        _ => 1,
    };

    /// <summary>Why an amount Stripe cannot charge in <paramref name="currency"/> is refused.</summary>
    public static string StepMessage(string currency) =>
        $"Stripe charges {currency.ToUpperInvariant()} in steps of {Increment(currency)} minor units: make unitAmount a multiple of {Increment(currency)}.";

    public const string Message = "currency must be a currency Stripe charges in, as a three-letter ISO code in lower case, like \"usd\".";
}
