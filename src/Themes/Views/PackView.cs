namespace ResellerKit.Themes.Views;

/// <summary>A credit pack on sale: one item of <c>packs</c>.</summary>
/// <param name="Id">The pack id the buy form posts back.</param>
/// <param name="PricePerCredit">A decimal string in minor units, as in the API (<c>"1.5"</c> = 1.5 cents per credit); print it with <c>money: pack.price.currency</c> (<c>$0.015</c>).</param>
/// <param name="Highlight">A short badge such as "Most popular", or null.</param>
/// <param name="BuyUrl">Where the buy form posts (the storefront's checkout endpoint).</param>
public sealed record PackView(
    string Id,
    string Name,
    long Credits,
    MoneyView Price,
    string PricePerCredit,
    string? Highlight,
    string BuyUrl);
