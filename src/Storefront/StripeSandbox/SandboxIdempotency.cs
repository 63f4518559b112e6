using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Stripe's Idempotency-Key on POST: the first response is kept per (account, key) and returned for every retry,
/// so a client's retried create opens one object. Concurrent first attempts race on a unique key; the loser
/// returns the winner's object. Payment intents keep their request too (<see cref="Remember"/>, <see cref="Replay"/>):
/// a card error is replayed as its 402, and the key sent again with other parameters is refused, as Stripe refuses it.
/// </summary>
public static class SandboxIdempotency
{
    public static async Task<IResult> RunAsync(HttpRequest request, SandboxStore store, EngineDbContext db,
        Func<Task<(JsonObject? Created, IResult? Failure)>> create, CancellationToken ct)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        var id = $"{request.Account() ?? "platform"}:{request.Path}:{key}";
        if (key.Length > 0 && await store.GetAsync("idempotency", id, ct) is { } earlier)
        {
            return StripeJson.Object(earlier["response"]!.AsObject());
        }
        var (created, failure) = await create();
        if (created is null)
        {
            return failure!;
        }
        if (key.Length > 0)
        {
            store.Add("idempotency", new JsonObject { ["id"] = id, ["response"] = StripeJson.Public(created) });
        }
        try
        {
            await store.SaveAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && key.Length > 0)
        {
            db.ChangeTracker.Clear();
            return StripeJson.Object((await store.GetAsync("idempotency", id, ct))!["response"]!.AsObject());
        }
        return StripeJson.Object(created);
    }

    /// <summary>The stored answer's id: the key is the account's, per endpoint.</summary>
    public static string KeyOf(HttpRequest request, string key) => $"{request.Account() ?? "platform"}:{request.Path}:{key}";

    /// <summary>The first answer under a key, with the request that got it, to be added to the store.</summary>
    public static JsonObject Remember(string id, JsonObject form, int status, JsonObject body) =>
        new() { ["id"] = id, ["request"] = form.DeepClone(), ["status"] = status, ["response"] = body };

    /// <summary>
    /// The first answer again (its status and body) for the same request; for other parameters under the same key,
    /// Stripe's 400 <c>idempotency_error</c>, and nothing is done.
    /// </summary>
    public static IResult Replay(JsonObject earlier, JsonObject form, string key)
    {
        if (earlier["request"] is { } first && !JsonNode.DeepEquals(first, form))
        {
            return StripeJson.Error(400, $"Keys for idempotent requests can only be used with the same parameters they were first used with. "
                + $"Try using a key other than '{key}' if you meant to execute a different request.", type: "idempotency_error");
        }
        return StripeJson.Object(earlier["response"]!.AsObject(), earlier["status"]?.GetValue<int>() ?? 200);
    }
}
