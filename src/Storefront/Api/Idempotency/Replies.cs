using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Api.Idempotency;

/// <summary>
/// Renders the answer of a route whose idempotency record the ledger writer stores with the work itself (usage, usage
/// batches): the bytes are made once, stored in the same transaction, and sent as they are, first time and every replay.
/// </summary>
public sealed class Replies(IOptions<JsonOptions> json)
{
    public StoredReply Json<T>(int status, T body) =>
        new(status, "application/json; charset=utf-8", null, JsonSerializer.SerializeToUtf8Bytes(body, json.Value.SerializerOptions));

    /// <summary>The problem document the route would answer for <paramref name="error"/>, with the request's trace id.</summary>
    public StoredReply Problem(Error error, string traceId)
    {
        var problem = error.ToProblem().ProblemDetails;
        problem.Extensions["traceId"] = traceId;
        return new StoredReply(problem.Status ?? 400, "application/problem+json", null,
            JsonSerializer.SerializeToUtf8Bytes(problem, json.Value.SerializerOptions));
    }

    /// <summary>
    /// The HTTP answer of a keyed request: its stored reply (marked <c>Idempotent-Replayed</c> when it is a replay, or
    /// when <paramref name="replayed"/> says the work itself found the key applied before), or 409 when the key was used
    /// for another request.
    /// </summary>
    public static IResult Answer<T>(Keyed<T> keyed, string key, bool replayed = false) => keyed.KeyReused
        ? new IdempotencyKeyReused(key).ToProblem()
        : new StoredResponse(keyed.Reply!.StatusCode, keyed.Reply.ContentType, keyed.Reply.Location, keyed.Reply.Body, keyed.Replayed || replayed);
}
