using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Shop;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Response headers by origin. The back office: scripts and connections only from this origin, no plugins, no framing
/// by other sites, forms only to this origin and Stripe (Connect onboarding), frames only from itself and the
/// storefront origins (the theme preview). A storefront: may be framed only by itself and the back office (the
/// preview), never by another site; its own scripts are the agency's business, isolated by the origin.
/// </summary>
public static class SecurityHeaders
{
    public static string BackOfficePolicy(string storefrontFrames) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        $"connect-src 'self'; frame-src 'self' {storefrontFrames}; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self' https://connect.stripe.com https://dashboard.stripe.com";

    /// <summary>Runs after <see cref="ShopHostRouting"/>, which marks storefront requests.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        if (context.Features.Get<ShopHostFeature>() is not null)
        {
            var platform = context.RequestServices.GetRequiredService<PublicUrls>().BaseUrl;
            headers.ContentSecurityPolicy = $"frame-ancestors 'self' {platform}";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        }
        else if (context.Request.Path.StartsWithSegments("/admin"))
        {
            var storefronts = context.RequestServices.GetRequiredService<StorefrontHosts>();
            headers.ContentSecurityPolicy = BackOfficePolicy(storefronts.Url("*").TrimEnd('/'));
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
        }

        return next(context);
    });
}
