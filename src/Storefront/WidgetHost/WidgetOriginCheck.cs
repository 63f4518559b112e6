using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Embedding;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// <c>GET /widget/origin?agency={slug}</c>: whether the asking page's origin may show the agency's widget. widget.js asks
/// when its connection was refused (the hub's 403 is unreadable across origins), so the page's developer learns that the
/// site is not allowed instead of "not available". It answers for the caller's own origin only and carries no data.
/// </summary>
public static class WidgetOriginCheck
{
    public const string Path = "/widget/origin";

    public static async Task<IResult> HandleAsync(HttpContext context, string? agency, EngineDbContext db, WidgetOrigins origins, OwnOrigins own)
    {
        context.Response.Headers.AccessControlAllowOrigin = "*";
        var origin = context.Request.Headers.Origin is [{ } value] ? EmbeddingOrigin.Normalize(value) : null;
        if (origin is null || own.Contains(origin, context.Request))
        {
            return TypedResults.Ok(new WidgetOriginAnswer(origin, true));
        }
        var agencyId = agency is { Length: > 0 and <= 40 }
            ? await db.Agencies.AsNoTracking().Where(a => a.Slug == agency && a.Status == AgencyStatus.Active)
                .Select(a => (Engine.Common.AgencyId?)a.Id).SingleOrDefaultAsync(context.RequestAborted)
            : null;
        var allowed = agencyId is { } id && await origins.IsAllowedAsync(id, origin, context.RequestAborted);
        return TypedResults.Ok(new WidgetOriginAnswer(origin, allowed));
    }
}

public sealed record WidgetOriginAnswer(string? Origin, bool Allowed);
