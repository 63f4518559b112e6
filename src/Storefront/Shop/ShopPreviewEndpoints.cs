using ResellerKit.Engine.Branding;
using ResellerKit.Storefront.Branding;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// The theme editor's preview on the storefront's own host: <c>/preview/{token}/{page?}</c> renders a page with the
/// agency's draft theme, and <c>/preview/{token}/assets/...</c> serves the draft's assets. Only a live token of this
/// agency opens it (<see cref="ThemePreviewTokens"/>); every answer is <c>no-store</c>, so no shared cache ever keeps a
/// draft, and is kept out of search engines.
/// </summary>
public static class ShopPreviewEndpoints
{
    /// <summary>The pages a preview can show, by the name in its URL.</summary>
    public static readonly IReadOnlyList<string> Pages = ["index", "sign-in", "account", "password", "404"];

    public static async Task<IResult> PageAsync(
        string slug, string token, string? page, HttpContext http, ShopContexts shops, ShopRenderer renderer, ThemePreviewTokens tokens,
        ThemeDrafts drafts, ThemeStore themes, CancellationToken ct)
    {
        var shop = await shops.ResolveAsync(http, slug, ct);
        var template = page ?? "index";
        if (shop is null || !tokens.Opens(token, shop.Agency.Id) || !Pages.Contains(template))
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        NeverStore(http);
        var theme = await DraftOrLiveAsync(shop, drafts, themes, ct);
        return await renderer.RenderAsync(http, shop, new ShopPage(template, new PageView(shop.Agency.PublicName, template))
        {
            Preview = new ShopPreview(theme, token),
        }, ct);
    }

    public static async Task<IResult> AssetAsync(
        string slug, string token, string path, HttpContext http, ShopContexts shops, ThemePreviewTokens tokens, ThemeDrafts drafts,
        ThemeStore themes, CancellationToken ct)
    {
        var shop = await shops.ResolveAsync(http, slug, ct);
        if (shop is null || !tokens.Opens(token, shop.Agency.Id) || path.Contains("..", StringComparison.Ordinal)
            || ThemeAssets.ContentType(path) is not { } type)
        {
            return Results.NotFound();
        }
        NeverStore(http);
        return ShopPagesEndpoints.Asset(await DraftOrLiveAsync(shop, drafts, themes, ct), path, type, http, "no-store");
    }

    private static async Task<ThemeSource> DraftOrLiveAsync(ShopContext shop, ThemeDrafts drafts, ThemeStore themes, CancellationToken ct) =>
        await drafts.GetAsync(shop.Agency.Id, ct) is { } draft
            ? BrandViews.DraftTheme(shop.Agency, draft)
            : BrandViews.Theme(shop.Agency, await themes.GetAsync(shop.Agency.Id, ct));

    private static void NeverStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
