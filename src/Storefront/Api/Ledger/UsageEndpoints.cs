using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Api.Idempotency;

namespace ResellerKit.Storefront.Api.Ledger;

/// <summary>
/// Usage, the hot path: one debit, or a batch of up to 1,000 events. Both go through the node's ledger writer (group
/// commit), which stores the Idempotency-Key's record with the debits in one transaction; so these routes keep their
/// own records instead of <see cref="IdempotencyFilter"/>'s (<see cref="SelfIdempotent"/>).
/// </summary>
public static class UsageEndpoints
{
    public static RouteGroupBuilder MapUsage(this RouteGroupBuilder api)
    {
        api.MapPost("/sub-accounts/{id:guid}/usage", UsageAsync)
            .RequireAuthorization(ApiPolicies.AgencyOrPlatform).WithMetadata(new SelfIdempotent())
            .WithTags("Credits").WithName("RecordUsage").WithSummary("Record usage")
            .Produces<UsageResponse>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(402).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(423).ProducesProblem(503);
        api.MapPost("/usage/batch", BatchAsync)
            .RequireAuthorization(ApiPolicies.AgencyOrPlatform).WithMetadata(new SelfIdempotent())
            .WithTags("Credits").WithName("RecordUsageBatch").WithSummary("Record up to 1,000 usage events")
            .WithDescription("Each event's `id` is its idempotency key in the caller's scope. Results come back in request order: " +
                "`applied`, `duplicate` (with the first transactionId) or `refused` (with the single route's `code`).")
            .Accepts<UsageBatchRequest>("application/json")
            .Produces<UsageBatchResponse>(StatusCodes.Status200OK)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(503);
        return api;
    }

    public static async Task<IResult> UsageAsync(
        SubAccountId id, UsageRequest request, ApiCaller caller, DebitUsage handler, Replies replies, HttpContext http,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        var command = request.ToCommand();
        if (idempotencyKey is null)
        {
            var result = await handler.HandleAsync(caller.Tenant, id, command, null, ct);
            return result.IsSuccess ? TypedResults.Created((string?)null, UsageResponse.From(result.Value)) : result.Error.ToProblem();
        }
        if (IdempotencyFilter.InvalidKey(idempotencyKey) is { } invalid)
        {
            return invalid;
        }
        var keyed = new KeyedRequest(caller.IdempotencyScope, idempotencyKey, await IdempotencyFilter.HashRequestAsync(http.Request));
        var traceId = http.TraceIdentifier;
        var answer = await handler.HandleAsync(caller.Tenant, id, command, keyed, result => result.IsSuccess
            ? replies.Json(StatusCodes.Status201Created, UsageResponse.From(result.Value))
            : replies.Problem(result.Error, traceId), ct);
        // The key may have been applied as a batch event's id: the debit is that one, and this answer is its replay.
        return Replies.Answer(answer, idempotencyKey, !answer.Replayed && !answer.KeyReused && answer.Value is { IsSuccess: true } done && done.Value.Replayed);
    }

    public static async Task<IResult> BatchAsync(
        [FromBody] JsonElement body, ApiCaller caller, RecordUsageBatch handler, Replies replies, HttpContext http,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        var read = UsageBatchReader.Read(body);
        if (!read.IsSuccess)
        {
            return read.Error.ToProblem();
        }
        var batch = read.Value;
        if (batch.Events.Count == 0)
        {
            return TypedResults.Ok(batch.Answer([])); // every event was refused as invalid: nothing to write
        }
        if (idempotencyKey is null)
        {
            return TypedResults.Ok(batch.Answer(await handler.HandleAsync(caller.Tenant, batch.Events, ct)));
        }
        if (IdempotencyFilter.InvalidKey(idempotencyKey) is { } invalid)
        {
            return invalid;
        }
        var keyed = new KeyedRequest(caller.IdempotencyScope, idempotencyKey, await IdempotencyFilter.HashRequestAsync(http.Request));
        var answer = await handler.HandleAsync(caller.Tenant, batch.Events, keyed, results => replies.Json(StatusCodes.Status200OK, batch.Answer(results)), ct);
        return Replies.Answer(answer, idempotencyKey);
    }
}
