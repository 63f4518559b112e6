using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Recharges;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Api.Recharges;

public static class RechargeEndpoints
{
    public static RouteGroupBuilder MapRecharges(this RouteGroupBuilder api)
    {
        api.MapGet("/sub-accounts/{id:guid}/recharges", ListAsync)
            .RequireAuthorization(ApiPolicies.Agency).WithTags("Auto-recharge").WithName("ListRecharges");
        return api;
    }

    public static async Task<Results<Ok<Page<RechargeResponse>>, ProblemHttpResult>> ListAsync(
        SubAccountId id, int? limit, string? cursor, ApiCaller caller, ListRecharges handler, CancellationToken ct)
    {
        var page = PageRequest.Parse(limit, cursor);
        if (!page.IsSuccess)
        {
            return page.Error.ToProblem();
        }
        var result = await handler.HandleAsync(caller.Tenant, id, page.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Map(RechargeResponse.From)) : result.Error.ToProblem();
    }
}
