using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Storefront.Accounts;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// The emailed sign-in link (<c>/magic?token=</c>). Opening it (GET) only shows a page in the agency's brand with one
/// "Sign in" button: mail scanners open every link of an email, and a GET that spent the link left the client a dead
/// one. Pressing the button (a POST with antiforgery, carrying the token) checks the link, spends it and signs in. A link
/// of another agency's client is never spent here, whether opened or pressed.
/// </summary>
public static class ShopMagicLinkEndpoints
{
    public const string Template = "magic";

    private const string DeadLink = "sign-in?error=link";

    public static async Task<IResult> ConfirmAsync(
        string slug, string? token, HttpContext http, ShopContexts shops, ShopRenderer renderer, MagicLinks links, UserManager<User> users,
        ClientAccounts clients, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        if (await ClientOfLinkAsync(shop, token, links, users, clients, ct) is null)
        {
            return Results.Redirect(shop.Url(DeadLink));
        }
        return await PageAsync(http, shop, renderer, token!, error: null, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> RedeemAsync(
        string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, IAntiforgery antiforgery, MagicLinks links,
        UserManager<User> users, SignInManager<User> signIn, ClientAccounts clients, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        var token = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct))["token"].ToString() : "";
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return string.IsNullOrEmpty(token)
                ? Results.Redirect(shop.Url(DeadLink))
                : await PageAsync(http, shop, renderer, token, "Your session expired. Please try again.", StatusCodes.Status400BadRequest, ct);
        }
        // Checked for this shop before it is spent: a link pressed on another agency's host stays usable on its own.
        var user = await ClientOfLinkAsync(shop, token, links, users, clients, ct);
        if (user is null || await links.RedeemAsync(token, ct) != user.Id)
        {
            return Results.Redirect(shop.Url(DeadLink));
        }
        await ShopSession.SignInAsync(http, signIn, user);
        return Results.Redirect(shop.Url("account"));
    }

    /// <summary>The client of this shop a live link signs in, or null; spends nothing.</summary>
    private static async Task<User?> ClientOfLinkAsync(
        ShopContext shop, string? token, MagicLinks links, UserManager<User> users, ClientAccounts clients, CancellationToken ct)
    {
        var userId = string.IsNullOrEmpty(token) ? null : await links.UserOfAsync(token, ct);
        var user = userId is null ? null : await users.FindByIdAsync(userId.Value.ToString());
        return user is not null && await clients.OfUserAsync(user.Id, shop.Agency.Id, ct) is not null ? user : null;
    }

    private static Task<IResult> PageAsync(HttpContext http, ShopContext shop, ShopRenderer renderer, string token, string? error, int status, CancellationToken ct)
    {
        // The page holds a live token: no cache keeps it, and no link on it sends its address on.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var page = new PageView(shop.Agency.PublicName, Template, Error: error, LinkToken: token);
        return renderer.RenderAsync(http, shop, new ShopPage(Template, page, status), ct);
    }
}
