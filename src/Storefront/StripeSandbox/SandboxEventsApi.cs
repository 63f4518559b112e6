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
        return StripeJson.List("/v1/events", type is null ? events : events.Where(e => e.Text("type") == type), starting_after, take);
    }

    public static async Task<IResult> GetAsync(string id, SandboxStore store, CancellationToken ct) =>
        await store.GetAsync("event", id, ct) is { } evt ? StripeJson.Object(evt) : StripeJson.NotFound("event", id);
}
