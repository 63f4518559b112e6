namespace ResellerKit.Themes.Views;

/// <summary>One ledger movement of the customer: an item of <c>history</c>.</summary>
/// <param name="Type">One of the API's transaction types: grant, purchase, usage, refund, reversal, expiry, recharge.</param>
/// <param name="Credits">Signed: negative for debits.</param>
public sealed record HistoryEntryView(DateTimeOffset Date, string Type, long Credits, string? Description, string? Campaign);
