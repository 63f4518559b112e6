using System.Text.Json.Nodes;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// The events the sandbox sent, in Stripe's list shape, newest first, so that they can be inspected and replayed.
/// With a Stripe-Account header, only that account's events.
/// </summary>
public static class SandboxEventsApi
{
    public static RouteGroupBuilder MapSandboxEvents(this RouteGroupBuilder v1)
    {
        v1.MapGet("/events", ListAsync);
        v1.MapGet("/events/{id}", GetAsync);
        return v1;
    }

    public static async Task<IResult> ListAsync(HttpRequest request, SandboxStore store, int? limit, string? starting_after, string? type, CancellationToken ct)
    {
        var take = Math.Clamp(limit ?? 10, 1, 100);
        var events = await store.ListAsync("event", request.Account(), 10_000, ct);
        IEnumerable<JsonObject> page = events;
        if (type is not null) page = page.Where(e => e.Text("type") == type);
        if (starting_after is not null) page = page.SkipWhile(e => e.Text("id") != starting_after).Skip(1);
        var list = page.Take(take + 1).ToList();
        return StripeJson.Object(new JsonObject
        {
            ["object"] = "list",
            ["url"] = "/v1/events",
            ["has_more"] = list.Count > take,
            ["data"] = new JsonArray(list.Take(take).Select(e => (JsonNode)StripeJson.Public(e)).ToArray()),
        });
    }

    public static async Task<IResult> GetAsync(string id, SandboxStore store, CancellationToken ct) =>
        await store.GetAsync("event", id, ct) is { } evt ? StripeJson.Object(evt) : StripeJson.NotFound("event", id);
}
