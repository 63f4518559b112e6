using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Agencies;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Shop;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Api.Idempotency;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Payments.Stripe;

namespace ResellerKit.Storefront.Api.Agencies;

public static class AgencyEndpoints
{
    public static RouteGroupBuilder MapAgencies(this RouteGroupBuilder api)
    {
        var platform = api.MapGroup("/agencies").RequireAuthorization(ApiPolicies.Platform).WithTags("Platform");
        platform.MapPost("/", CreateAsync).WithName("CreateAgency").WithMetadata(new SecretReply());
        platform.MapGet("/", ListAsync).WithName("ListAgencies");

        var agency = api.MapGroup("/agency").RequireAuthorization(ApiPolicies.Agency).WithTags("Agency");
        agency.MapGet("/", GetAsync).WithName("GetAgency");
        agency.MapPost("/api-keys/rotate", RotateKeyAsync).WithName("RotateAgencyApiKey").WithMetadata(new SecretReply());
        return api;
    }

    public static async Task<Results<Created<CreatedAgencyResponse>, ProblemHttpResult>> CreateAsync(
        CreateAgencyRequest request, CreateAgency handler, ConnectAgencyPayments connect, IOptions<StripeOptions> stripe,
        StorefrontHosts storefronts, AfterCommit afterCommit, ILoggerFactory logs, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new CreateAgencyCommand(request.Name, request.Slug, request.OwnerEmail), ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }
        var agency = result.Value.Agency;
        if (stripe.Value.IsSandbox)
        {
            // In the sandbox every agency can take payments at once; with real Stripe the owner onboards first. The
            // sandbox writes the account to this database, so the call waits for a keyed request's commit. The agency
            // exists either way; if connecting fails, the owner connects from Settings.
            await afterCommit.RunAsync(async token =>
            {
                var connected = await connect.EnsureAccountAsync(agency.Id, Actor.Platform, token);
                if (!connected.IsSuccess)
                {
                    logs.CreateLogger(typeof(AgencyEndpoints)).LogWarning("Agency {Slug} was created, but connecting it to the Stripe sandbox failed: {Reason}",
                        agency.Slug, connected.Error.Detail);
                }
            }, ct);
        }
        return TypedResults.Created($"/api/v1/agencies/{agency.Id}",
            new CreatedAgencyResponse(agency.Id, agency.Name, agency.Slug, result.Value.ApiKey, storefronts.Url(agency)));
    }

    public static async Task<Results<Ok<Page<AgencyResponse>>, ProblemHttpResult>> ListAsync(
        int? limit, string? cursor, ListAgencies handler, StorefrontHosts storefronts, CancellationToken ct)
    {
        var page = PageRequest.Parse(limit, cursor);
        if (!page.IsSuccess)
        {
            return page.Error.ToProblem();
        }
        var agencies = await handler.HandleAsync(page.Value, ct);
        return TypedResults.Ok(agencies.Map(a => AgencyResponse.From(a, storefronts.Url(a.Agency))));
    }

    public static async Task<Results<Ok<AgencyResponse>, ProblemHttpResult>> GetAsync(
        ApiCaller caller, GetAgencySummary handler, StorefrontHosts storefronts, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, ct);
        return result.IsSuccess
            ? TypedResults.Ok(AgencyResponse.From(result.Value, storefronts.Url(result.Value.Agency)))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RotateKeyAsync(
        ApiCaller caller, RotateAgencyApiKey handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.Ok(new ApiKeyResponse(result.Value)) : result.Error.ToProblem();
    }
}
