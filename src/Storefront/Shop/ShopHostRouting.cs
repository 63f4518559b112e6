using System.Net;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Sorts every request by its host. A storefront host (under the storefront base, or a verified custom domain) is
/// served as that agency's storefront and nothing else: every path is routed into <c>/s/{slug}</c>, so <c>/admin</c>
/// and <c>/api</c> are storefront 404s there. On the platform host, <c>/s/{slug}/…</c> is redirected to the storefront's
/// own origin. A host that is neither answers 404 and says nothing about which agencies exist.
/// </summary>
public sealed class ShopHostRouting(RequestDelegate next, StorefrontHosts storefronts, CustomDomains domains, PlatformHosts platformHosts)
{
    public Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host.ToLowerInvariant();
        var path = context.Request.Path.Value ?? "/";
        if (platformHosts.IsPlatform(host) || IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            if (path.StartsWith("/s/", StringComparison.OrdinalIgnoreCase))
            {
                RedirectToStorefront(context);
                return Task.CompletedTask;
            }

            return next(context); // the platform's own requests (the API's hot path among them) pass straight on
        }

        return RouteByHostAsync(context, host, path);
    }

    private async Task RouteByHostAsync(HttpContext context, string host, string path)
    {
        if ((storefronts.SlugOf(host) ?? await domains.SlugForAsync(host, context.RequestAborted)) is not { } slug)
        {
            if (path is "/healthz" or "/readyz")
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Not found.", context.RequestAborted);
            return;
        }

        context.Features.Set(new ShopHostFeature(slug));
        context.Request.Path = $"/s/{slug}{path}";
        await next(context);
    }

    /// <summary>
    /// <c>/s/{slug}/rest?query</c> on the platform host moves to <c>{storefront}/rest?query</c>; only pages move (GET and
    /// HEAD). The location is built from the path as escaped on the wire, never the decoded one: <c>caf%C3%A9</c> or
    /// <c>%0A</c> decoded cannot go into a header.
    /// </summary>
    private void RedirectToStorefront(HttpContext context)
    {
        var rest = context.Request.Path.ToUriComponent()[3..];
        var slash = rest.IndexOf('/');
        var slug = (slash < 0 ? rest : rest[..slash]).ToLowerInvariant();
        if (!Engine.Common.Input.IsSlug(slug) || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var page = slash < 0 ? "" : rest[(slash + 1)..];
        if (HeaderUrls.Escaped(storefronts.Url(slug) + page + context.Request.QueryString.ToUriComponent()) is not { } location)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.Redirect(location);
    }
}

/// <summary>Set on every storefront request: the agency whose storefront this host serves. Storefront endpoints require it.</summary>
public sealed record ShopHostFeature(string Slug);

public static class ShopHostRoutingExtensions
{
    public static IApplicationBuilder UseShopHostRouting(this IApplicationBuilder app) => app.UseMiddleware<ShopHostRouting>();
}
