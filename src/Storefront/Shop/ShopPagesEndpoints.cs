using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Branding;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

public static class ShopPagesEndpoints
{
    public static async Task<IResult> IndexAsync(string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, CancellationToken ct) =>
        await shops.ResolveAsync(http, slug, ct) is { } shop
            ? await renderer.RenderAsync(http, shop, new ShopPage("index", new PageView(shop.Agency.PublicName, "index")), ct)
            : UnknownShop();

    /// <summary>The client's own account: balance (reselling mode only), usage, history and purchases.</summary>
    public static async Task<IResult> AccountAsync(
        string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, EngineDbContext db, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return UnknownShop();
        }
        if (shop.Customer is not { } customer)
        {
            return Results.Redirect(shop.Url("sign-in"));
        }
        var history = (await db.LedgerTransactions.AsNoTracking().Where(t => t.SubAccountId == customer.Id)
                .OrderByDescending(t => t.Sequence).Take(20)
                .Select(t => new { t.CreatedAt, t.Type, t.Credits, t.Description, t.CampaignId })
                .ToListAsync(ct))
            .Select(t => new HistoryEntryView(t.CreatedAt, TransactionTypes.NameOf(t.Type), t.Credits, t.Description, t.CampaignId))
            .ToList();
        var purchases = (await db.Purchases.AsNoTracking().Where(p => p.SubAccountId == customer.Id)
                .OrderByDescending(p => p.Number).Take(10)
                .Select(p => new { p.CreatedAt, p.Credits, p.Amount, p.Currency, p.State, Declined = p.FailureReason != null })
                .ToListAsync(ct))
            .Select(p => new PurchaseView(p.CreatedAt, p.Credits, new MoneyView(p.Amount, p.Currency), StatusOf(p.State, p.Declined)))
            .ToList();
        var page = new ShopPage("account", new PageView(shop.Agency.PublicName, "account")) { History = history, Purchases = purchases };
        return await renderer.RenderAsync(http, shop, page, ct);
    }

    /// <summary>
    /// A file of the theme's <c>assets/</c> folder (the agency's override, else the base theme's), only of the kinds
    /// <see cref="ThemeAssets"/> allows, with <c>nosniff</c> so a browser never takes it for something else.
    /// </summary>
    public static async Task<IResult> AssetAsync(string slug, string path, HttpContext http, ShopContexts shops, ThemeStore themes, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop || path.Contains("..", StringComparison.Ordinal)
            || ThemeAssets.ContentType(path) is not { } type)
        {
            return Results.NotFound();
        }
        var theme = BrandViews.Theme(shop.Agency, await themes.GetAsync(shop.Agency.Id, ct));
        return Asset(theme, path, type, http, CacheControlOf(theme, path, http.Request.Query["v"]));
    }

    /// <summary>
    /// A URL with the file's fingerprint (what <c>asset_url</c> writes) always means these bytes: kept for a year,
    /// never asked again. Any other URL (no <c>?v=</c>, an old version number, an old fingerprint) still answers with
    /// the current file, for five minutes.
    /// </summary>
    public static string CacheControlOf(ThemeSource theme, string path, string? fingerprint) =>
        fingerprint is { Length: > 0 } && fingerprint == theme.AssetFingerprint(path) ? Immutable : "public, max-age=300";

    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>A theme's asset of an allowed type (checked by the caller), with <c>nosniff</c> and the given caching.</summary>
    public static IResult Asset(ThemeSource theme, string path, string type, HttpContext http, string cacheControl)
    {
        if (theme.ReadFile("assets/" + path) is not { } content)
        {
            return Results.NotFound();
        }
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (type.StartsWith("image/svg", StringComparison.Ordinal))
        {
            http.Response.Headers.ContentSecurityPolicy = ThemeAssets.SvgPolicy;
        }
        return Results.Text(content, type);
    }

    public static async Task<IResult> NotFoundAsync(string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, CancellationToken ct) =>
        await shops.ResolveAsync(http, slug, ct) is { } shop
            ? await renderer.RenderAsync(http, shop, new ShopPage("404", new PageView(shop.Agency.PublicName, "404"), 404), ct)
            : UnknownShop();

    /// <summary>No agency has this slug (or it is suspended): a bare 404 that reveals nothing.</summary>
    public static IResult UnknownShop() => Results.Content(
        "<!doctype html><html lang=\"en\"><title>Not found</title><main><h1>Not found</h1></main></html>",
        "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    // The status a theme reads (its locales name each one under purchases.status): the words a buyer knows. A pending
    // checkout whose card was declined reads failed (it turns paid if the buyer pays it with another card).
    private static string StatusOf(PurchaseState state, bool declined) => state switch
    {
        PurchaseState.Fulfilled => "paid",
        PurchaseState.Pending when declined => "failed",
        PurchaseState.Pending => "pending",
        PurchaseState.Refunded => "refunded",
        PurchaseState.Disputed => "disputed",
        PurchaseState.Expired => "expired",
        _ => "failed",
    };
}
