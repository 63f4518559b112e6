namespace ResellerKit.Widget.Data;

/// <summary>The <c>resellerkit:purchase-completed</c> detail: the credits have arrived.</summary>
public sealed record PurchaseCompletedDetail(string CheckoutId, long Credits, long? Balance);
