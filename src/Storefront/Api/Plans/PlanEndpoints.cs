using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Api.Plans;

/// <summary>An agency's plans (tiers) and the features each switches on; <c>PATCH /sub-accounts/{id} { planId }</c> assigns one.</summary>
public static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlans(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").RequireAuthorization(ApiPolicies.Agency).WithTags("Plans");
        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("List the agency's plans");
        plans.MapPost("/", CreateAsync).WithName("CreatePlan").WithSummary("Create a plan")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);
        return api;
    }

    public static async Task<Ok<Page<PlanResponse>>> ListAsync(ApiCaller caller, ManagePlans plans, CancellationToken ct) =>
        TypedResults.Ok(new Page<PlanResponse>((await plans.ListAsync(caller.Agency, ct)).Select(PlanResponse.From).ToList(), null));

    public static async Task<Results<Created<PlanResponse>, ProblemHttpResult>> CreateAsync(
        PlanRequest request, ApiCaller caller, ManagePlans plans, CancellationToken ct)
    {
        if (request.Features is null)
        {
            return ValidationFailed.For("features", "features must be a list of the features the plan switches on (it may be empty).").ToProblem();
        }
        var result = await plans.SaveAsync(caller.Agency, null, request.Name, request.ToFeatures(), caller.Actor, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/plans/{result.Value.Id}", PlanResponse.From(result.Value))
            : result.Error.ToProblem();
    }
}
