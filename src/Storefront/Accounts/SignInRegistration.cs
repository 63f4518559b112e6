using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// Two sessions, never shared: the back office's Identity cookie (<see cref="SessionCookies.BackOffice"/>), host-only on the platform
/// host and SameSite=Strict, and each storefront's own cookie on its own host (<see cref="ShopSession"/>). Both are
/// checked against the user's security stamp on every request (<see cref="SessionValidation"/>). Sign-in attempts are
/// throttled per address and per account (<see cref="SignInThrottle"/>); Identity locks an account after repeated failures.
/// </summary>
public static class SignInRegistration
{
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
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/admin/login";
            o.AccessDeniedPath = "/admin/denied";
        });
        services.AddAntiforgery(o => o.FormFieldName = "__csrf");
        // The cookies' names (__Host- on an https install) come last, over the settings above.
        services.AddSingleton<SessionCookies>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionCookies>((o, cookies) => cookies.BackOffice.ApplyTo(o.Cookie));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure<SessionCookies>((o, cookies) => cookies.TwoFactorStep.ApplyTo(o.Cookie));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme)
            .Configure<SessionCookies>((o, cookies) => cookies.TwoFactorRemembered.ApplyTo(o.Cookie));
        services.AddOptions<CookieAuthenticationOptions>(ShopSession.Scheme)
            .Configure<SessionCookies>((o, cookies) => cookies.Shop.ApplyTo(o.Cookie));
        services.AddOptions<AntiforgeryOptions>()
            .Configure<SessionCookies>((o, cookies) => cookies.Antiforgery.ApplyTo(o.Cookie));
        return builder;
    }
}
