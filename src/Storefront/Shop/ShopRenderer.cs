using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Storefront.Branding;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Renders a storefront page through the agency's theme, from view models only. A theme that fails to render gives a
/// branded error page (never a crash, never another agency's data), and the error is recorded for the theme editor; so
/// is a tag the page skipped while it rendered.
/// </summary>
public sealed class ShopRenderer(
    ThemeRenderer renderer, ThemeStore themes, ListPacks packs, MinimumPrices minimums, GetBalance balances, IAntiforgery antiforgery,
    IOptions<AntiforgeryOptions> antiforgeryOptions, ShopRenders renders, ShopVisitors visitors, ILogger<ShopRenderer> logger)
{
    public async Task<IResult> RenderAsync(HttpContext http, ShopContext shop, ShopPage page, CancellationToken ct)
    {
        renders.Rendered(shop.Agency.Slug);
        var view = await ViewAsync(http, shop, page, ct);
        var theme = page.Preview?.Theme ?? BrandViews.Theme(shop.Agency, await themes.GetAsync(shop.Agency.Id, ct));
        var result = await renderer.RenderAsync(theme, ThemePaths.Template(page.Template), view, ct);
        if (result.Problem is { } skipped)
        {
            // The page rendered without a tag it could not run (a snippet name stored before the linter refused it).
            logger.LogWarning("The theme of {Agency} skipped a tag rendering {Template}: {Problem}", shop.Agency.Slug, page.Template, skipped);
            await themes.RecordRenderErrorAsync(shop.Agency.Id, skipped.ToString(), ct);
        }
        if (result.IsSuccess && visitors.IsAnonymousRead(http))
        {
            // A page any visitor may be given (ShopPageCache): no token of its own, and browsers ask again by ETag.
            var html = ShopFormTokens.WithScript(result.Html, antiforgeryOptions.Value.FormFieldName);
            http.Response.Headers.ETag = ShopFormTokens.ETagOf(html);
            if (string.IsNullOrEmpty(http.Response.Headers.CacheControl))
            {
                http.Response.Headers.CacheControl = "no-cache";
            }
            return Results.Content(html, "text/html; charset=utf-8", statusCode: page.Status);
        }
        if (result.IsSuccess)
        {
            return Results.Content(result.Html, "text/html; charset=utf-8", statusCode: page.Status);
        }
        if (result.Error.Limit == ThemeLimit.Concurrency)
        {
            logger.LogWarning("The storefront of {Agency} is rendering at its limit; a request was answered 503", shop.Agency.Slug);
            return ThemeErrorPage.Busy(http, shop.Agency.PublicName, shop.Url());
        }
        logger.LogWarning("The theme of {Agency} failed to render {Template}: {Error}", shop.Agency.Slug, page.Template, result.Error);
        await themes.RecordRenderErrorAsync(shop.Agency.Id, result.Error!.ToString(), ct);
        return ThemeErrorPage.For(shop.Agency.PublicName, shop.Url());
    }

    public async Task<StorefrontView> ViewAsync(HttpContext http, ShopContext shop, ShopPage page, CancellationToken ct)
    {
        var agency = shop.Agency;
        var offer = agency.CustomQuantity;
        var offerMeetsFloor = await minimums.SellsAsync(offer, ct);
        return new StorefrontView(
            BrandViews.Shop(agency),
            (await packs.PurchasableAsync(agency.Id, ct)).Select(p => new PackView(
                p.Id.ToString(), p.Name, p.Credits, new MoneyView(p.UnitAmount, p.Currency),
                new PricePerCredit(CreditPricing.PerCredit(p.Credits, p.UnitAmount)).ToString(), p.Highlight, shop.Url("checkout"))).ToList(),
            offerMeetsFloor ? new CustomQuantityView(offer.Price.Minor, offer.Currency, offer.MinCredits, offer.MaxCredits) : null,
            await CustomerAsync(shop, ct),
            page.History,
            page.Purchases,
            new UrlsView(shop.Url(), shop.Url("account"), shop.Url("sign-in"), shop.Url("sign-out"), shop.Url("magic-link"), shop.Url("checkout"), shop.Url(page.Preview?.AssetsPath ?? "assets/")),
            Csrf(http),
            page.Page);
    }

    // A shared page gets an empty token field; its script fetches the visitor's own (ShopFormTokens).
    private CsrfView Csrf(HttpContext http)
    {
        if (visitors.IsAnonymousRead(http))
        {
            return new CsrfView(antiforgeryOptions.Value.FormFieldName, "");
        }
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new CsrfView(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private async Task<CustomerView?> CustomerAsync(ShopContext shop, CancellationToken ct)
    {
        if (shop.Customer is not { } customer)
        {
            return null;
        }
        // callerSeesPool: false, so a client in shared mode never sees the agency's pool.
        var balance = (await balances.HandleAsync(Engine.Common.Tenant.Of(shop.Agency.Id), customer.Id, callerSeesPool: false, ct)).Value;
        return new CustomerView(customer.Name, customer.Email,
            customer.CreditMode == CreditMode.Reselling ? CustomerView.ResellingMode : CustomerView.SharedMode,
            balance.Credits, balance.UsedThisMonth, customer.Paused);
    }
}
