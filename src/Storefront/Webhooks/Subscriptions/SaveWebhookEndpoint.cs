using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Webhooks;
using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Storefront.Webhooks.Subscriptions;

/// <summary>
/// Saves the agency's webhook endpoint: the URL must pass the SSRF guard now (422 <c>url_not_allowed</c>; it is checked
/// again at every delivery), the events must be known. The first save generates the secret; later saves keep it
/// (rotate it explicitly) and enable an endpoint that a 410 disabled.
/// </summary>
public sealed class SaveWebhookEndpoint(
    EngineDbContext db, WebhookUrlPolicy urls, WebhookSecretProtector secrets, TimeProvider clock)
{
    public async Task<Result<SavedWebhookEndpoint>> HandleAsync(
        AgencyId agencyId, string? url, IReadOnlyList<string?>? events, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .When(events is null || events.Count == 0, "events", $"Choose at least one event: {string.Join(", ", WebhookEventTypes.All)}.")
            .When(events is not null && events.Any(e => !WebhookEventTypes.IsKnown(e)), "events",
                $"Unknown event type; the events are {string.Join(", ", WebhookEventTypes.All)}.");
        if (errors.Any)
        {
            return errors.ToError();
        }
        var checkedUrl = await urls.CheckAsync(url, ct);
        if (!checkedUrl.IsSuccess)
        {
            return checkedUrl.Error;
        }

        var now = clock.GetUtcNow();
        var chosen = events!.Select(e => e!).Distinct(StringComparer.Ordinal).ToList();
        var endpoint = await db.WebhookEndpoints.WithSpecification(new WebhookEndpointOfAgencySpec(agencyId)).SingleOrDefaultAsync(ct);
        WebhookSecret secret;
        if (endpoint is null)
        {
            secret = WebhookSecret.Generate();
            endpoint = WebhookEndpoint.Create(agencyId, url!, chosen, secrets.Protect(secret), now);
            db.WebhookEndpoints.Add(endpoint);
        }
        else
        {
            secret = secrets.Unprotect(endpoint.ProtectedSecret);
            endpoint.Update(url!, chosen, now);
        }
        db.AuditEvents.Add(AuditEvent.Record(actor, "webhook_endpoint.saved", agencyId, null, new { url, events = chosen }, now));
        await db.SaveChangesAsync(ct);
        return new SavedWebhookEndpoint(endpoint.Url, endpoint.EventList, secret.Value, endpoint.PreviousSecretExpiresAt, null, null);
    }
}
