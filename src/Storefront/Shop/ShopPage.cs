using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>What one storefront page needs besides the shop itself: its template, its page facts, and the account's lists.</summary>
public sealed record ShopPage(string Template, PageView Page, int Status = 200)
{
    public IReadOnlyList<HistoryEntryView> History { get; init; } = [];

    public IReadOnlyList<PurchaseView> Purchases { get; init; } = [];
}
