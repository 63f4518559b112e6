namespace ResellerKit.Themes.Views;

/// <summary>The agency sells any number of credits at one price: <c>custom_quantity</c>, null when it does not.</summary>
/// <param name="PricePerCredit">Minor units per credit (1.5 = 1.5 cents); print it with <c>money: custom_quantity.currency</c>.</param>
public sealed record CustomQuantityView(decimal PricePerCredit, string Currency, long MinCredits, long MaxCredits);
