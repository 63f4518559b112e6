using Microsoft.AspNetCore.Antiforgery;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Payments.Checkout;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Buying on the storefront: the form posts a pack (or a number of credits), the server prices it and opens the
/// agency's Stripe checkout. The return page shows what is true and never grants; only the webhook does.
/// </summary>
public static class ShopCheckoutEndpoints
{
    public static async Task<IResult> BuyAsync(
        string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, IAntiforgery antiforgery, StartCheckout checkout,
        CheckoutUrls urls, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        if (shop.Customer is not { } customer)
        {
            return Results.Redirect(shop.Url("sign-in"));
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await IndexWithErrorAsync(http, shop, renderer, "Your session expired. Please try again.", ct);
        }
        var form = await http.Request.ReadFormAsync(ct);
        PackId? packId = PackId.TryParse(form["packId"].ToString(), out var pack) ? pack : null;
        long? credits = long.TryParse(form["credits"].ToString(), out var n) ? n : null;
        var typed = form["credits"].ToString();
        if (packId is null && credits is null && typed.Trim().Length > 0 && shop.Agency.CustomQuantity is { Enabled: true } offer)
        {
            // Not a whole number ("12.5", "1e3"): said next to the field, with what was typed kept, as a refused number is.
            return await CreditsRefusedAsync(http, shop, renderer, $"Enter a whole number of credits between {offer.MinCredits:N0} and {offer.MaxCredits:N0}.", typed, ct);
        }
        if (packId is null && credits is null)
        {
            return await IndexWithErrorAsync(http, shop, renderer, "Choose a pack, or enter how many credits you want.", ct);
        }
        var result = await checkout.HandleAsync(Tenant.Of(shop.Agency.Id), customer.Id,
            new CheckoutCommand(packId, packId is null ? credits : null, null, null, PurchaseOrigin.Storefront), await urls.ForAsync(ct), ct);
        if (result.IsSuccess)
        {
            return Results.Redirect(result.Value.Session.Url);
        }
        // A refused number is the client's to fix: the field's own words go next to it, with what they typed kept.
        // The error's Detail is written for developers ("One or more fields are invalid: credits: ...").
        if (packId is null && result.Error is ValidationFailed { Errors: var fields } && fields.TryGetValue("credits", out var messages))
        {
            return await CreditsRefusedAsync(http, shop, renderer, string.Join(" ", messages), typed, ct);
        }
        return await IndexWithErrorAsync(http, shop, renderer, result.Error.Detail, ct, StatusCodes.Status400BadRequest);
    }

    /// <summary>A reload of the URL a refused form posted to: the form lives on the home page, so go there.</summary>
    public static async Task<IResult> ReloadAsync(string slug, HttpContext http, ShopContexts shops, CancellationToken ct) =>
        await shops.ResolveAsync(http, slug, ct) is { } shop ? Results.Redirect(shop.Url()) : ShopPagesEndpoints.UnknownShop();

    public static async Task<IResult> ReturnAsync(
        string slug, string? session_id, HttpContext http, ShopContexts shops, ShopRenderer renderer, GetCheckoutResult results, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        var result = session_id is null || session_id.Length > Input.MaxReferenceLength || Input.HasControlCharacters(session_id)
            ? null
            : await results.HandleAsync(session_id, ct);
        if (result is null || result.Purchase.AgencyId != shop.Agency.Id)
        {
            return await renderer.RenderAsync(http, shop, new ShopPage("404", new PageView(shop.Agency.PublicName, "404"), 404), ct);
        }
        var state = result.Purchase.State switch
        {
            PurchaseState.Pending => PageView.Pending,
            PurchaseState.Failed or PurchaseState.Expired => PageView.Canceled,
            _ => PageView.Fulfilled,
        };
        // While pending, the theme's script (checkout-return.js) asks again and shows the credits in place when they land.
        http.Response.Headers.CacheControl = "no-store";
        // Only the buyer, signed in on this storefront, sees what was added and the new balance; a shared or leaked
        // session id shows the state of the payment and nothing of the account.
        var buyer = shop.Customer?.Id == result.Purchase.SubAccountId;
        var page = new PageView(shop.Agency.PublicName, "checkout-return", CheckoutState: state,
            CreditsAdded: buyer && state == PageView.Fulfilled ? result.Purchase.Credits : null, NewBalance: buyer ? result.NewBalance : null);
        return await renderer.RenderAsync(http, shop, new ShopPage("checkout-return", page), ct);
    }

    /// <summary>
    /// Stripe's "Cancel and return": with its purchase's token the checkout the buyer left is closed
    /// (<see cref="CancelCheckout"/>) and the page says so; a link without it (cut, guessed, of another purchase, or
    /// opened on another agency's storefront) closes nothing, and the page says that instead.
    /// </summary>
    public static async Task<IResult> CancelAsync(
        string slug, Guid? purchase, string? token, HttpContext http, ShopContexts shops, ShopRenderer renderer, CancelCheckout cancel,
        CheckoutCancelTokens tokens, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        // Only what is true: "cancelled" when the purchase is closed unpaid, "still open" when nothing was closed (no
        // purchase or token, a token of another purchase, another agency's purchase), "paid" when it was paid meanwhile.
        var closed = purchase is { } id && await tokens.OpensAsync(new PurchaseId(id), token, ct)
            ? await cancel.HandleAsync(shop.Agency.Id, new PurchaseId(id), ct)
            : null;
        var state = closed switch
        {
            PurchaseState.Expired or PurchaseState.Failed => PageView.Canceled,
            null or PurchaseState.Pending => PageView.StillOpen,
            _ => PageView.Fulfilled,
        };
        http.Response.Headers.CacheControl = "no-store";
        return await renderer.RenderAsync(http, shop,
            new ShopPage("checkout-return", new PageView(shop.Agency.PublicName, "checkout-return", CheckoutState: state)), ct);
    }

    private static Task<IResult> CreditsRefusedAsync(HttpContext http, ShopContext shop, ShopRenderer renderer, string words, string typed, CancellationToken ct) =>
        renderer.RenderAsync(http, shop, new ShopPage("index", new PageView(shop.Agency.PublicName, "index", InvalidFields: ["credits"],
            FieldError: words, EnteredCredits: typed), StatusCodes.Status400BadRequest), ct);

    private static Task<IResult> IndexWithErrorAsync(HttpContext http, ShopContext shop, ShopRenderer renderer, string error, CancellationToken ct, int status = 400) =>
        renderer.RenderAsync(http, shop, new ShopPage("index", new PageView(shop.Agency.PublicName, "index", Error: error), status), ct);
}
