using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>What one storefront page needs besides the shop itself: its template, its page facts, and the account's lists.</summary>
public sealed record ShopPage(string Template, PageView Page, int Status = 200)
{
    public IReadOnlyList<HistoryEntryView> History { get; init; } = [];

    public IReadOnlyList<PurchaseView> Purchases { get; init; } = [];

    /// <summary>Set when the page previews the agency's draft theme (the theme editor's preview) instead of the live one.</summary>
    public ShopPreview? Preview { get; init; }
}

/// <summary>A draft theme shown through a preview token: its assets are served under the token's path too.</summary>
public sealed record ShopPreview(ResellerKit.Themes.Packages.ThemeSource Theme, string Token)
{
    public string AssetsPath => $"preview/{Uri.EscapeDataString(Token)}/assets/";
}
