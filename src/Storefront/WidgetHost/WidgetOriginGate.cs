using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Embedding;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// Guards the widget's Blazor hub (<see cref="WidgetRegistration.HubPath"/>) and its first screen (<see cref="WidgetFirstScreen"/>): CORS with credentials for the origins the
/// agency named in <c>?agency=</c> allows, and 403 (no circuit, so no data) for any other origin. The storefront's own
/// origin is always allowed (the back office's preview). It replaces the connection's principal with one that carries
/// only the origin: the widget never acts on the storefront's cookie. An <c>Origin</c> header that names no web origin
/// (<c>null</c>, sent by sandboxed frames, <c>file:</c> pages and some redirects, or several values) is refused too:
/// such a page has no origin an agency could have allowed.
/// </summary>
public sealed class WidgetOriginGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, EngineDbContext db, WidgetOrigins origins, OwnOrigins own, RefusedOrigins refused)
    {
        var stated = context.Request.Headers.Origin;
        var origin = stated is [{ } value] ? EmbeddingOrigin.Normalize(value) : null;
        if (stated.Count > 0 && origin is null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var isOwn = origin is not null && own.Contains(origin, context.Request);
        var slug = context.Request.Query["agency"].ToString();
        if (origin is not null && !isOwn)
        {
            var agencyId = !Engine.Common.Input.IsSlug(slug) ? null : await db.Agencies.AsNoTracking().Where(a => a.Slug == slug && a.Status == AgencyStatus.Active)
                .Select(a => (Engine.Common.AgencyId?)a.Id).SingleOrDefaultAsync(context.RequestAborted);
            if (agencyId is null || !await origins.IsAllowedAsync(agencyId.Value, origin, context.RequestAborted))
            {
                if (agencyId is { } known && context.Request.Path.StartsWithSegments(WidgetRegistration.HubPath))
                {
                    refused.Record(known, origin); // Shown in the agency's back office, to allow with a click (once a visit: the hub's).
                }
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.AccessControlAllowCredentials = "true";
            context.Response.Headers.Vary = "Origin";
            if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.AccessControlRequestMethod.Count > 0)
            {
                context.Response.Headers.AccessControlAllowMethods = "GET, POST";
                context.Response.Headers.AccessControlAllowHeaders = AllowedHeaders(context.Request.Headers.AccessControlRequestHeaders);
                context.Response.Headers.AccessControlMaxAge = "600";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
        }
        context.User = new WidgetCaller(origin, isOwn, slug.Length > 0 ? slug : null).ToPrincipal();
        await next(context);
    }

    // SignalR's client sends these; anything else a page asks for is not granted.
    private static string AllowedHeaders(StringValues requested)
    {
        string[] known = ["content-type", "x-requested-with", "x-signalr-user-agent", "authorization"];
        return string.Join(", ", requested.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(h => known.Contains(h.ToLowerInvariant())));
    }
}
