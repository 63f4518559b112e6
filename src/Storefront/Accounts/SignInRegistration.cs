using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// People sign in with one Identity cookie, on the storefront and in the back office. Sign-in attempts are rate
/// limited per client address (<see cref="SignInThrottle"/>), and Identity locks an account after repeated failures.
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
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
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
