using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Storefront.Accounts;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// The emailed sign-in link (<c>/magic?token=</c>). Opening it (GET) spends nothing: mail scanners open every link of an
/// email, and a GET that spent the link left the client a dead one. The token goes into an HttpOnly cookie of this host
/// and path, and the browser is sent on to <c>/magic</c> without it, which shows a page in the agency's brand with one
/// "Sign in" button: the page's address, its HTML and the theme's scripts never hold the token (a theme is the agency's
/// code, and may carry analytics that report the address). Pressing the button (a POST with antiforgery; the cookie
/// carries the token) checks the link, spends it and signs in. A link of another agency's client is never spent here,
/// whether opened or pressed.
/// </summary>
public static class ShopMagicLinkEndpoints
{
    public const string Template = "magic";

    private const string DeadLink = "sign-in?error=link";

    /// <summary>The cookie that holds an opened link's token until its button is pressed.</summary>
    public const string LinkCookie = "rk_link";

    public static async Task<IResult> ConfirmAsync(
        string slug, string? token, HttpContext http, ShopContexts shops, ShopRenderer renderer, MagicLinks links, UserManager<User> users,
        ClientAccounts clients, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        var opened = !string.IsNullOrEmpty(token);
        if (await ClientOfLinkAsync(shop, opened ? token : http.Request.Cookies[LinkCookie], links, users, clients, ct) is null)
        {
            return Results.Redirect(shop.Url(DeadLink));
        }
        NotKept(http);
        if (opened)
        {
            http.Response.Cookies.Append(LinkCookie, token!, LinkCookieOptions(http, shop, MagicLinks.Lifetime));
            return Results.Redirect(shop.Url(Template));
        }
        return await PageAsync(http, shop, renderer, error: null, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> RedeemAsync(
        string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, IAntiforgery antiforgery, MagicLinks links,
        UserManager<User> users, SignInManager<User> signIn, ClientAccounts clients, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        var token = http.Request.Cookies[LinkCookie];
        if (string.IsNullOrEmpty(token))
        {
            return Results.Redirect(shop.Url(DeadLink));
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            NotKept(http);
            return await PageAsync(http, shop, renderer, "Your session expired. Please try again.", StatusCodes.Status400BadRequest, ct);
        }
        // Checked for this shop before it is spent: a link pressed on another agency's host stays usable on its own.
        var user = await ClientOfLinkAsync(shop, token, links, users, clients, ct);
        http.Response.Cookies.Delete(LinkCookie, LinkCookieOptions(http, shop, null));
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

    private static Task<IResult> PageAsync(HttpContext http, ShopContext shop, ShopRenderer renderer, string? error, int status, CancellationToken ct) =>
        renderer.RenderAsync(http, shop, new ShopPage(Template, new PageView(shop.Agency.PublicName, Template, Error: error), status), ct);

    // An answer about a live link: no cache keeps it, and no link on it sends its address on.
    private static void NotKept(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    // Sent back only to this shop's /magic, never read by a script, sent on the top-level visit from the email.
    private static CookieOptions LinkCookieOptions(HttpContext http, ShopContext shop, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        Path = shop.Url(Template),
        MaxAge = lifetime,
    };
}
