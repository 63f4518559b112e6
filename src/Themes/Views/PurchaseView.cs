namespace ResellerKit.Themes.Views;

/// <summary>One purchase of the customer: an item of <c>purchases</c>.</summary>
/// <param name="Status">pending, paid, refunded, disputed, expired or failed.</param>
public sealed record PurchaseView(DateTimeOffset Date, long Credits, MoneyView Amount, string Status);
