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
        group.MapPost("/{id:guid}/push", PushAsync).WithName("PushCampaign");
        group.MapGet("/{id:guid}/versions", VersionsAsync).WithName("ListCampaignVersions");
        group.MapPost("/{id:guid}/rollback", RollbackAsync).WithName("RollbackCampaign");
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
        var result = await handler.HandleAsync(caller.Tenant, id, target, caller.Actor, ct, linked: request.Linked == true);
        return result.IsSuccess ? Created(result.Value) : result.Error.ToProblem();
    }

    /// <summary>Brings the template's linked copies to its latest version; a copy edited locally is skipped unless <c>force</c>.</summary>
    public static async Task<Results<Ok<PushCampaignResponse>, ProblemHttpResult>> PushAsync(
        CampaignId id, PushCampaignRequest request, ApiCaller caller, PushCampaign handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Tenant, id, request.SubAccountIds, request.Force == true, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.Ok(new PushCampaignResponse(result.Value.Updated, result.Value.Skipped)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<Page<CampaignVersionResponse>>, ProblemHttpResult>> VersionsAsync(
        CampaignId id, ApiCaller caller, CampaignVersions versions, CancellationToken ct)
    {
        var result = await versions.ListAsync(caller.Tenant, id, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new Page<CampaignVersionResponse>([.. result.Value.Select(v => new CampaignVersionResponse(v.Version, v.Change, v.CreatedAt))], null))
            : result.Error.ToProblem();
    }

    /// <summary>Restores a version's content, recorded as a new version.</summary>
    public static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> RollbackAsync(
        CampaignId id, RollbackCampaignRequest request, ApiCaller caller, CampaignVersions versions, CancellationToken ct)
    {
        if (request.Version is not ({ } version and > 0))
        {
            return ValidationFailed.For("version", "Name the version to roll back to: a whole number from 1.").ToProblem();
        }
        var result = await versions.RollBackAsync(caller.Tenant, id, version, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.Ok(CampaignResponse.From(result.Value)) : result.Error.ToProblem();
    }

    private static Created<CampaignResponse> Created(Campaign campaign) =>
        TypedResults.Created($"/api/v1/campaigns/{campaign.Id}", CampaignResponse.From(campaign));
}
