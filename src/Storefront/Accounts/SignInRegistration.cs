using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// Two sessions, never shared: the back office's Identity cookie (<see cref="CookieName"/>), host-only on the platform
/// host and SameSite=Strict, and each storefront's own cookie on its own host (<see cref="ShopSession"/>). Both are
/// checked against the user's security stamp on every request (<see cref="SessionValidation"/>). Sign-in attempts are
/// throttled per address and per account (<see cref="SignInThrottle"/>); Identity locks an account after repeated failures.
/// </summary>
public static class SignInRegistration
{
    public const string CookieName = "rk.session";

    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        new IdentityBuilder(typeof(User), typeof(IdentityRole<Guid>), services).AddSignInManager();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddShopSession()
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/admin/login";
            o.AccessDeniedPath = "/admin/denied";
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rk.csrf";
            o.FormFieldName = "__csrf";
        });
        return builder;
    }
}
