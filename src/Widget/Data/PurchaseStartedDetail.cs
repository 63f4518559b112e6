namespace ResellerKit.Widget.Data;

/// <summary>
/// The <c>resellerkit:purchase-started</c> detail. The loader opens <see cref="Url"/> in a new tab unless the page
/// calls <c>preventDefault()</c> (to redirect, or to open its own popup).
/// </summary>
public sealed record PurchaseStartedDetail(string CheckoutId, string Url, long Credits, string? PackId);
