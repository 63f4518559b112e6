namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// The back office's Content-Security-Policy: scripts and connections only from this origin, no plugins, no framing
/// by other sites, forms only to this origin and Stripe (Connect onboarding).
/// </summary>
public static class SecurityHeaders
{
    public const string BackOfficePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self' https://connect.stripe.com https://dashboard.stripe.com";

    public static IApplicationBuilder UseBackOfficeSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/admin"))
        {
            context.Response.Headers.ContentSecurityPolicy = BackOfficePolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
        }
        return next(context);
    });
}
