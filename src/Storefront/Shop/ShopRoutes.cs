using ResellerKit.Storefront.Accounts;

namespace ResellerKit.Storefront.Shop;

/// <summary>The branded storefront at <c>/s/{slug}/</c> (and at <c>/</c> on the agency's custom domain).</summary>
public static class ShopRoutes
{
    public static WebApplication MapShop(this WebApplication app)
    {
        var shop = app.MapGroup("/s/{slug}").ExcludeFromDescription().DisableAntiforgery();
        shop.MapGet("/", ShopPagesEndpoints.IndexAsync).CacheOutput(ShopPageCache.PolicyName);
        shop.MapGet("/" + ShopFormTokens.Path, ShopFormTokens.Issue);
        shop.MapGet("/account", ShopPagesEndpoints.AccountAsync);
        shop.MapGet("/account/password", ShopPasswordEndpoints.ShowAsync);
        shop.MapPost("/account/password", ShopPasswordEndpoints.ChangeAsync).WithMetadata(new SignInAttemptAttribute(SignInAttemptKind.Password));
        shop.MapGet("/assets/{**path}", ShopPagesEndpoints.AssetAsync);
        shop.MapGet("/preview/{token}/assets/{**path}", ShopPreviewEndpoints.AssetAsync);
        shop.MapGet("/preview/{token}/{page?}", ShopPreviewEndpoints.PageAsync);
        shop.MapGet("/sign-in", ShopSignInEndpoints.ShowAsync).CacheOutput(ShopPageCache.PolicyName);
        shop.MapPost("/sign-in", ShopSignInEndpoints.PasswordAsync).WithMetadata(new SignInAttemptAttribute(SignInAttemptKind.Password));
        shop.MapPost("/magic-link", ShopSignInEndpoints.SendMagicLinkAsync).WithMetadata(new SignInAttemptAttribute(SignInAttemptKind.EmailLink));
        shop.MapGet("/magic", ShopMagicLinkEndpoints.ConfirmAsync);
        shop.MapPost("/magic", ShopMagicLinkEndpoints.RedeemAsync);
        shop.MapPost("/sign-out", ShopSignInEndpoints.SignOutAsync);
        shop.MapPost("/checkout", ShopCheckoutEndpoints.BuyAsync);
        shop.MapGet("/checkout", ShopCheckoutEndpoints.ReloadAsync);
        shop.MapGet("/checkout/return", ShopCheckoutEndpoints.ReturnAsync);
        shop.MapGet("/checkout/cancel", ShopCheckoutEndpoints.CancelAsync);
        shop.MapGet("/{page}/{**rest}", ShopPagesEndpoints.NotFoundAsync);
        return app;
    }
}
