using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Shop;

namespace ResellerKit.Storefront.Branding;

/// <summary>
/// <c>/favicon.ico</c>: on a storefront host the agency's icon (its https logo, else a mark in its brand colour), on
/// the platform host the back office's. Browsers ask for it on every site; it was a 404.
/// </summary>
public static class FaviconEndpoints
{
    private static readonly byte[] PlatformIcon = Favicon.Ico("#0f172a");

    public static WebApplication MapFavicons(this WebApplication app)
    {
        app.MapGet("/favicon.ico", (HttpContext http) => Icon(http, PlatformIcon)).ExcludeFromDescription();
        app.MapGet("/s/{slug}/favicon.ico", async (string slug, HttpContext http, ShopContexts shops, CancellationToken ct) =>
            await shops.ResolveAsync(http, slug, ct) is not { } shop
                ? Results.NotFound()
                : shop.Agency.Branding.LogoUrl is { } logo && logo.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    && HeaderUrls.Escaped(logo) is { } location
                    ? Cached(http, Results.Redirect(location))
                    : Icon(http, Favicon.Ico(shop.Agency.Branding.PrimaryColor))).ExcludeFromDescription();
        return app;
    }

    private static IResult Icon(HttpContext http, byte[] icon) => Cached(http, Results.File(icon, "image/x-icon"));

    private static IResult Cached(HttpContext http, IResult result)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return result;
    }
}
