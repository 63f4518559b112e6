using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Api.Auth;

/// <summary>
/// Refuses an agency's API call on a sub-account whose plan switches <paramref name="feature"/> off (403 forbidden).
/// A sub-account the caller cannot see passes through, so the handler answers 404 as for any missing resource. The
/// platform key is not an agency acting for a client, so the API-access feature does not apply to it.
/// </summary>
public sealed class SubAccountFeatureFilter(Features feature) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = ApiCaller.From(http.User);
        if (caller.IsPlatform && feature == Features.ApiAccess
            || !SubAccountId.TryParse(http.GetRouteValue("id")?.ToString(), out var id))
        {
            return await next(context);
        }
        var db = http.RequestServices.GetRequiredService<EngineDbContext>();
        var subAccount = await db.SubAccounts.AsNoTracking().WithSpecification(new SubAccountByIdSpec(caller.Tenant, id)).SingleOrDefaultAsync(http.RequestAborted);
        if (subAccount is null)
        {
            return await next(context);
        }
        var allowed = await http.RequestServices.GetRequiredService<SubAccountFeatures>().RequireAsync(subAccount, feature, http.RequestAborted);
        return allowed.IsSuccess ? await next(context) : allowed.Error.ToProblem();
    }
}

public static class SubAccountFeatureFilterExtensions
{
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, Features feature) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new SubAccountFeatureFilter(feature));
}
