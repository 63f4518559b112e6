namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Host-based tenancy: a request to an agency's custom domain is served as that agency's storefront (<c>/</c> there is
/// <c>/s/{slug}/</c> here). The root of a host that is neither the platform's nor a mapped domain is a plain 404: it
/// says nothing about which agencies exist.
/// </summary>
public sealed class ShopHostRouting(RequestDelegate next, CustomDomains domains, PlatformHosts platformHosts)
{
    private static readonly string[] Reserved =
        ["/api", "/admin", "/_blazor", "/_framework", "/_content", "/widget", "/webhooks", "/stripe-sandbox",
         "/healthz", "/readyz", "/openapi", "/scalar", "/email", "/s/"];

    public async Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host.ToLowerInvariant();
        var path = context.Request.Path.Value ?? "/";
        var reserved = Reserved.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (!reserved && !platformHosts.IsPlatform(host))
        {
            if (await domains.SlugForAsync(host, context.RequestAborted) is not { } slug)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Not found.", context.RequestAborted);
                return;
            }
            context.Features.Set(new ShopHostFeature(slug));
            context.Request.Path = $"/s/{slug}{path}";
        }
        await next(context);
    }
}

/// <summary>Set when the storefront is served on the agency's own domain, so its links start at <c>/</c>.</summary>
public sealed record ShopHostFeature(string Slug);

public static class ShopHostRoutingExtensions
{
    public static IApplicationBuilder UseShopHostRouting(this IApplicationBuilder app) => app.UseMiddleware<ShopHostRouting>();
}
