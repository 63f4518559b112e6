using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Stripe's Idempotency-Key on POST: the first response is kept per (account, key) and returned for every retry,
/// so a client's retried create opens one object. Concurrent first attempts race on a unique key; the loser
/// returns the winner's object.
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
}
