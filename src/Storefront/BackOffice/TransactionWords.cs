using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// A ledger transaction's type in the back office's words ("Credits given", "Used"). The API, CSV exports and the
/// type filter's values keep the codes of <see cref="TransactionTypes"/>; storefront themes word them from their locales.
/// </summary>
public static class TransactionWords
{
    public static string Of(TransactionType type) => type switch
    {
        TransactionType.Grant => "Credits given",
        TransactionType.Purchase => "Bought",
        TransactionType.Usage => "Used",
        TransactionType.Refund => "Refund",
        TransactionType.Reversal => "Reversed",
        TransactionType.Expiry => "Expired",
        TransactionType.Recharge => "Automatic top-up",
        TransactionType.Transfer => "Moved with the account",
        _ => TransactionTypes.NameOf(type),
    };

    /// <summary>The words for a type's API code (for the type filter), or the code itself when it names no type.</summary>
    public static string Of(string code) => TransactionTypes.TryParse(code, out var type) ? Of(type) : code;

    /// <summary>
    /// A refused filter with the type's refusal in the select's words: the API's message lists the codes ("grant,
    /// purchase, …"), which the page never shows.
    /// </summary>
    public static Error InWords(Error error) => error is ValidationFailed { Errors: var errors } && errors.ContainsKey("type")
        ? new ValidationFailed(errors.ToDictionary(e => e.Key, e => e.Key == "type" ? [TypeRefused] : e.Value, StringComparer.Ordinal))
        : error;

    private static string TypeRefused => $"Choose a type from the list: {string.Join(", ", TransactionTypes.Names.Select(Of))}.";
}
