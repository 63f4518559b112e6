using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Campaigns;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Api.Campaigns;

public static class CampaignEndpoints
{
    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").RequireAuthorization(ApiPolicies.Agency).WithTags("Campaigns");
        group.MapGet("/", ListAsync).WithName("ListCampaigns");
        group.MapPost("/", CreateAsync).WithName("CreateCampaign");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCampaign");
        group.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateCampaign");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteCampaign");
        group.MapPost("/{id:guid}/copy", CopyAsync).WithName("CopyCampaign");
        return api;
    }

    /// <summary>The agency's own campaigns, or with <c>subAccountId</c> that sub-account's.</summary>
    public static async Task<Results<Ok<Page<CampaignSummaryResponse>>, ProblemHttpResult>> ListAsync(
        string? subAccountId, int? limit, string? cursor, ApiCaller caller, ListCampaigns handler, CancellationToken ct)
    {
        var page = PageRequest.Parse(limit, cursor);
        if (!page.IsSuccess)
        {
            return page.Error.ToProblem();
        }
        SubAccountId? holder = null;
        if (subAccountId is not null)
        {
            if (!SubAccountId.TryParse(subAccountId, out var parsed))
            {
                return ValidationFailed.For("subAccountId", "subAccountId must be a sub-account id.").ToProblem();
            }
            holder = parsed;
        }
        var result = await handler.HandleAsync(caller.Agency, holder, page.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Map(CampaignSummaryResponse.From)) : result.Error.ToProblem();
    }

    public static async Task<Results<Created<CampaignResponse>, ProblemHttpResult>> CreateAsync(
        CreateCampaignRequest request, ApiCaller caller, CreateCampaign handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, request.ToCommand(), caller.Actor, ct);
        return result.IsSuccess ? Created(result.Value) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> GetAsync(
        CampaignId id, ApiCaller caller, GetCampaign handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Tenant, id, ct);
        return result.IsSuccess ? TypedResults.Ok(CampaignResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> UpdateAsync(
        CampaignId id, UpdateCampaignRequest request, ApiCaller caller, UpdateCampaign handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Tenant, id, request.ToCommand(), caller.Actor, ct);
        return result.IsSuccess ? TypedResults.Ok(CampaignResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        CampaignId id, ApiCaller caller, DeleteCampaign handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Tenant, id, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>"Copy to sub-account": 201 with the new campaign. The Idempotency-Key filter makes a retried copy replay.</summary>
    public static async Task<Results<Created<CampaignResponse>, ProblemHttpResult>> CopyAsync(
        CampaignId id, CopyCampaignRequest request, ApiCaller caller, CopyCampaign handler, CancellationToken ct)
    {
        if (request.TargetSubAccountId is not { } target)
        {
            return ValidationFailed.For("targetSubAccountId", "Name the sub-account to copy the campaign to.").ToProblem();
        }
        var result = await handler.HandleAsync(caller.Tenant, id, target, caller.Actor, ct);
        return result.IsSuccess ? Created(result.Value) : result.Error.ToProblem();
    }

    private static Created<CampaignResponse> Created(Campaign campaign) =>
        TypedResults.Created($"/api/v1/campaigns/{campaign.Id}", CampaignResponse.From(campaign));
}
