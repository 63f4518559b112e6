using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// Where the platform requires two-step sign-in of platform admins and agency owners (<see cref="TwoFactorPolicy"/>),
/// such a person signed in without it reaches only the page that sets it up (and signing out): every other back-office
/// page sends them there, and every other back-office post is refused.
/// </summary>
public sealed class TwoFactorEnrolment(RequestDelegate next)
{
    public const string SetupPath = "/admin/account/two-factor";

    // The services are resolved only for a signed-in person's back-office request: the API's hot path (usage debits)
    // passes through here too, and building a UserManager (with its store and DbContext) per request cost it dearly.
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        return context.User.Identity?.IsAuthenticated != true || !path.StartsWithSegments("/admin") || Exempt(path)
            ? next(context)
            : EnforceAsync(context);
    }

    private async Task EnforceAsync(HttpContext context)
    {
        if (await context.RequestServices.GetRequiredService<UserManager<User>>().GetUserAsync(context.User) is not { } user
            || !await context.RequestServices.GetRequiredService<TwoFactorPolicy>().MustEnrolAsync(user, context.RequestAborted))
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(SetupPath + "?required=1");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Set up two-step sign-in first: your platform requires it for owners.", context.RequestAborted);
    }

    private static bool Exempt(PathString path) =>
        path.StartsWithSegments(SetupPath) || path.StartsWithSegments("/admin/logout") || path.StartsWithSegments("/admin/login");
}
