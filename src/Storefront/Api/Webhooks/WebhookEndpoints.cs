using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Webhooks;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Webhooks.Subscriptions;

namespace ResellerKit.Storefront.Api.Webhooks;

public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization(ApiPolicies.Agency).WithTags("Webhooks");
        group.MapPut("/webhook-endpoint", SaveAsync).WithName("SaveWebhookEndpoint");
        group.MapGet("/webhook-endpoint", GetAsync).WithName("GetWebhookEndpoint");
        group.MapPost("/webhook-endpoint/secret/rotate", RotateAsync).WithName("RotateWebhookSecret");
        group.MapGet("/webhook-deliveries", ListDeliveriesAsync).WithName("ListWebhookDeliveries");
        group.MapGet("/webhook-deliveries/{id:guid}", GetDeliveryAsync).WithName("GetWebhookDelivery");
        group.MapPost("/webhook-deliveries/{id:guid}/redeliver", RedeliverAsync).WithName("RedeliverWebhook");
        return api;
    }

    public static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> SaveAsync(
        WebhookEndpointRequest request, ApiCaller caller, SaveWebhookEndpoint handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, request.Url, request.Events, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.Ok(WebhookEndpointResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<WebhookEndpointStatusResponse>, ProblemHttpResult>> GetAsync(
        ApiCaller caller, EngineDbContext db, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().WithSpecification(new WebhookEndpointOfAgencySpec(caller.Agency)).SingleOrDefaultAsync(ct);
        return endpoint is null ? new Engine.Common.NotFound("webhook endpoint").ToProblem() : TypedResults.Ok(WebhookEndpointStatusResponse.From(endpoint));
    }

    public static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> RotateAsync(
        ApiCaller caller, RotateWebhookSecret handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.Ok(WebhookEndpointResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<Page<WebhookDeliveryResponse>>, ProblemHttpResult>> ListDeliveriesAsync(
        int? limit, string? cursor, string? eventType, ApiCaller caller, ListWebhookDeliveries handler, CancellationToken ct)
    {
        var page = PageRequest.Parse(limit, cursor);
        if (!page.IsSuccess)
        {
            return page.Error.ToProblem();
        }
        var result = await handler.HandleAsync(caller.Agency, eventType, page.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Map(WebhookDeliveryResponse.From)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<WebhookDeliveryResponse>, ProblemHttpResult>> GetDeliveryAsync(
        Guid id, ApiCaller caller, EngineDbContext db, CancellationToken ct)
    {
        var message = await db.WebhookMessages.WithSpecification(new WebhookMessagesOfAgencySpec(caller.Agency))
            .Include(m => m.Attempts).SingleOrDefaultAsync(m => m.Id == id, ct);
        return message is null ? new Engine.Common.NotFound("webhook delivery").ToProblem() : TypedResults.Ok(WebhookDeliveryResponse.From(message));
    }

    public static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> RedeliverAsync(
        Guid id, ApiCaller caller, RedeliverWebhook handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, id, caller.Actor, ct);
        return result.IsSuccess
            ? TypedResults.Accepted($"/api/v1/webhook-deliveries/{id}", WebhookDeliveryResponse.From(result.Value))
            : result.Error.ToProblem();
    }
}
