using ResellerKit.Engine.Common;
using ResellerKit.Engine.Pricing;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Pricing refusals in the words of the back office's forms: amounts as money in the currency's units ("$0.005 per
/// credit", "$0.50"), field labels instead of API property names. The API keeps its minor units and codes.
/// </summary>
public static class PricingWords
{
    /// <summary>One form's messages by field, for <see cref="Components.Shared.FieldError"/>.</summary>
    public static IReadOnlyDictionary<string, string[]> For(Error error, string currency) => error switch
    {
        ValidationFailed v => v.Errors.ToDictionary(e => e.Key, e => new[] { Field(e.Key, currency) ?? string.Join(" ", e.Value) }, StringComparer.Ordinal),
        PriceBelowMinimum p => new Dictionary<string, string[]> { ["unitAmount"] = [BelowMinimum(p)], ["pricePerCredit"] = [BelowMinimum(p)] },
        CurrencyNotOffered c => new Dictionary<string, string[]> { ["currency"] = [c.Detail] },
        DuplicateValue d => new Dictionary<string, string[]> { [d.Field] = [d.Message] },
        var e => new Dictionary<string, string[]> { ["name"] = [e.Detail] },
    };

    /// <summary>Every refusal of one submission by field, each field's messages in the order they came.</summary>
    public static IReadOnlyDictionary<string, string[]> For(IEnumerable<Error> errors, string currency) => errors
        .SelectMany(e => For(e, currency))
        .GroupBy(e => e.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    public static string BelowMinimum(PriceBelowMinimum p) =>
        $"The platform's minimum for {p.Currency.ToUpperInvariant()} is {BackOfficeFormat.PerCredit(p.FloorPerCredit, p.Currency)} per credit, so "
        + $"{BackOfficeFormat.Count(p.Credits)} credits must cost at least {BackOfficeFormat.Money(p.MinimumAmount, p.Currency)}; "
        + $"{BackOfficeFormat.Money(p.OfferedAmount, p.Currency)} is below it.";

    /// <summary>The words for a field the forms name differently from the API, or null to keep the Engine's.</summary>
    public static string? Field(string field, string currency) => field switch
    {
        "credits" => $"Enter a whole number of credits from 1 to {BackOfficeFormat.Count(Engine.Credits.Credits.MaxPerOperation)}.",
        "unitAmount" => Currencies.Increment(currency) > 1
            ? $"Stripe charges {currency.ToUpperInvariant()} in steps of {BackOfficeFormat.Money(Currencies.Increment(currency), currency)}: enter a price it can charge."
            : $"Enter a price from {BackOfficeFormat.Money(1, currency)} to {BackOfficeFormat.Money(PackCommand.MaxUnitAmount, currency)}, like {Example(currency)}.",
        "pricePerCredit" => $"Enter the price of one credit as an amount like {Example(currency, perCredit: true)}, or leave it empty to switch this off.",
        "unitAmountPerCredit" => $"Enter the minimum per credit as an amount like {Example(currency, perCredit: true)}.",
        "platformFeePerCredit" => $"Enter the fee per credit as an amount like {Example(currency, perCredit: true)}, or leave it empty to take the minimum.",
        "highlight" => "Use at most 40 characters for the highlight.",
        "sortOrder" => "Enter a sort order from -10,000 to 10,000.",
        "minCredits" => "Enter a minimum of at least 1 credit.",
        "maxCredits" => $"Enter a maximum at least as large as the minimum and at most {BackOfficeFormat.Count(Engine.Credits.Credits.MaxPerOperation)} credits.",
        _ => null,
    };

    /// <summary>How a field wants an amount typed in this currency: "12.00" dollars, "1500" yen; "0.005" per credit.</summary>
    public static string Example(string currency, bool perCredit = false) => (perCredit, Currencies.Exponent(currency)) switch
    {
        (false, 0) => "1500",
        (false, var digits) => "12." + new string('0', digits),
        (true, 0) => "0.5",
        (true, _) => "0.005",
    };
}
