using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// A client's session on a storefront: a cookie of its own (<see cref="SessionCookies.Shop"/>), host-only on the storefront's
/// host and never the back office's, so that neither can be used where the other lives. SameSite=Lax, so that the
/// return from Stripe's checkout (a top-level navigation from another site) still knows the buyer.
/// </summary>
public static class ShopSession
{
    public const string Scheme = "Shop";

    public static AuthenticationBuilder AddShopSession(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            // Storefront endpoints redirect to their own sign-in page; the cookie handler never redirects.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        });

    /// <summary>The signed-in client of this storefront request, or null.</summary>
    public static async Task<ClaimsPrincipal?> UserAsync(HttpContext http) =>
        (await http.AuthenticateAsync(Scheme)).Principal;

    public static async Task SignInAsync(HttpContext http, SignInManager<User> signIn, User user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        await http.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = true });
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
