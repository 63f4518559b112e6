using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Users;
using ResellerKit.Storefront.Accounts;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// A signed-in client changes its password on the storefront (<c>/account/password</c>), in the theme's words: the
/// current password, then the new one twice. Other sessions end (the security stamp changes); this one stays signed in.
/// </summary>
public static class ShopPasswordEndpoints
{
    public const string Template = "password";

    public static async Task<IResult> ShowAsync(string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        return shop.Customer is null ? Results.Redirect(shop.Url("sign-in")) : await PageAsync(http, shop, renderer, new(shop.Agency.PublicName, Template), ct);
    }

    public static async Task<IResult> ChangeAsync(
        string slug, HttpContext http, ShopContexts shops, ShopRenderer renderer, IAntiforgery antiforgery, ChangePassword change,
        SignInManager<User> signIn, CancellationToken ct)
    {
        if (await shops.ResolveAsync(http, slug, ct) is not { } shop)
        {
            return ShopPagesEndpoints.UnknownShop();
        }
        if (shop.Customer is null || shop.UserId is not { } userId)
        {
            return Results.Redirect(shop.Url("sign-in"));
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await PageAsync(http, shop, renderer,
                new(shop.Agency.PublicName, Template, Error: "Your session expired. Please try again."), ct, StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(ct);
        var result = await change.HandleAsync(userId, form["current_password"], form["new_password"], form["confirm_password"], ct);
        if (!result.IsSuccess)
        {
            var fields = result.Error is ValidationFailed invalid ? invalid.Errors.Keys.Select(FieldOf).ToList() : ["current_password"];
            return await PageAsync(http, shop, renderer, new(shop.Agency.PublicName, Template, InvalidFields: fields), ct, StatusCodes.Status400BadRequest);
        }
        await ShopSession.SignInAsync(http, signIn, result.Value);
        return await PageAsync(http, shop, renderer, new(shop.Agency.PublicName, Template, Outcome: "changed"), ct);
    }

    private static Task<IResult> PageAsync(HttpContext http, ShopContext shop, ShopRenderer renderer, PageView page, CancellationToken ct, int status = 200) =>
        renderer.RenderAsync(http, shop, new ShopPage(Template, page, status), ct);

    // The form's field names, which the theme's locale words under password.errors.
    private static string FieldOf(string field) => field switch
    {
        ChangePassword.Current => "current_password",
        ChangePassword.Confirm => "confirm_password",
        _ => "new_password",
    };
}
