using ResellerKit.Storefront.Accounts;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Which storefront requests may share pages: a read (GET or HEAD) by a visitor with no storefront session cookie
/// (<see cref="SessionCookies.Shop"/>). Anyone who carries one, signed in or not, gets pages rendered for them alone.
/// </summary>
public sealed class ShopVisitors(SessionCookies cookies)
{
    public bool IsAnonymousRead(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && !http.Request.Cookies.ContainsKey(cookies.Shop.Name)
        && !http.Request.Headers.ContainsKey("Authorization");
}
