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
}
