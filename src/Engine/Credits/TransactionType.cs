namespace ResellerKit.Engine.Credits;

/// <summary>The kinds of ledger transaction; their snake_case names are the <c>type</c> values of the API.</summary>
public enum TransactionType
{
    Grant,
    Purchase,
    Usage,
    Refund,
    Reversal,
    Expiry,
    Recharge,

    /// <summary>A sub-account's own credits moving with it to its new owner (an ownership transfer).</summary>
    Transfer,
}
