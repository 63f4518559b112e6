using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Storefront.Accounts;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Client sign-in on the branded storefront: by password, or by a one-time link sent by email. Only clients of this
/// agency get in, and the answers never reveal whether an address has an account.
/// </summary>
public static class ShopSignInEndpoints
{
    private const string WrongCredentials = "That email and password do not match an account of this shop.";

    public static async Task<IResult> ShowAsync(string slug, string? error, HttpContext http, ShopContexts shops, ShopRenderer renderer, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        var message = error == "link" ? "That sign-in link has expired or was already used. Ask for a new one below." : null;
        return await SignInPageAsync(http, shop, renderer, error: message, ct: ct);
    }

    public static async Task<IResult> PasswordAsync(
        string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, IAntiforgery antiforgery,
        UserManager<User> users, SignInManager<User> signIn, ClientAccounts clients, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await SignInPageAsync(http, shop, renderer, error: "Your session expired. Please try again.", status: 400, ct: ct);
        }
        var form = await http.Request.ReadFormAsync(ct);
        var email = form["email"].ToString().Trim();
        var user = Input.IsEmail(email) ? await users.FindByEmailAsync(email) : null;
        if (user is null || await clients.OfUserAsync(user.Id, shop.Agency.Id, ct) is null)
        {
            return await SignInPageAsync(http, shop, renderer, error: WrongCredentials, status: 400, ct: ct);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, form["password"].ToString(), lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return await SignInPageAsync(http, shop, renderer,
                error: "Too many failed attempts. This account is locked for 15 minutes; you can still sign in with an emailed link.", status: 400, ct: ct);
        }
        if (!result.Succeeded)
        {
            return await SignInPageAsync(http, shop, renderer, error: WrongCredentials, status: 400, ct: ct);
        }
        await ShopSession.SignInAsync(http, signIn, user);
        return Results.Redirect(shop.Url("account"));
    }

    public static async Task<IResult> SendMagicLinkAsync(
        string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, IAntiforgery antiforgery, UserManager<User> users,
        ClientAccounts clients, MagicLinks links, Mailer mailer, EngineDbContext db, StorefrontHosts storefronts, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await SignInPageAsync(http, shop, renderer, error: "Your session expired. Please try again.", status: 400, ct: ct);
        }
        var email = (await http.Request.ReadFormAsync(ct))["email"].ToString().Trim();
        if (!Input.IsEmail(email))
        {
            return await SignInPageAsync(http, shop, renderer, error: "Enter a valid email address, like you@example.com.", status: 400, ct: ct);
        }
        var user = await users.FindByEmailAsync(email);
        if (user is not null && await clients.OfUserAsync(user.Id, shop.Agency.Id, ct) is { } customer)
        {
            var (token, expiresAt) = links.Issue(user.Id);
            var link = $"{storefronts.Url(shop.Agency)}magic?token={Uri.EscapeDataString(token)}";
            mailer.Send(new EmailRequest(EmailKind.MagicLink, user.Email!, user.DisplayName, shop.Agency.Id)
            {
                SubAccountId = customer.Id, ActionUrl = link, ExpiresAt = expiresAt,
            });
            await db.SaveChangesAsync(ct);
        }
        return await SignInPageAsync(http, shop, renderer,
            message: "If that address has an account here, a sign-in link is on its way. It works once, for 15 minutes.", ct: ct);
    }

    public static async Task<IResult> SignOutAsync(string slug, HttpContext http, IAntiforgery antiforgery, ShopContexts shops, CancellationToken ct)
    {
        var shop = await shops.ResolveAsync(http, slug, ct);
        if (await antiforgery.IsRequestValidAsync(http))
        {
            await ShopSession.SignOutAsync(http);
        }
        return Results.Redirect(shop?.Url() ?? "/");
    }

    private static Task<IResult> SignInPageAsync(
        HttpContext http, ShopContext shop, ShopRenderer renderer, string? error = null, string? message = null, int status = 200, CancellationToken ct = default) =>
        renderer.RenderAsync(http, shop, new ShopPage("sign-in", new PageView(shop.Agency.PublicName, "sign-in", message, error), status), ct);
}
