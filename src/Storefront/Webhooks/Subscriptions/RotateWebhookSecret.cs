using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Webhooks;
using ResellerKit.Storefront.Webhooks.Outbound;
using ResellerKit.Storefront.Webhooks.Sending;

namespace ResellerKit.Storefront.Webhooks.Subscriptions;

/// <summary>
/// A new signing secret. During <see cref="WebhookRetryOptions.SecretRotationOverlap"/> every message carries two
/// signatures (new and previous), so a receiver that still checks the old secret keeps accepting, and one that already
/// has the new one accepts too.
/// </summary>
public sealed class RotateWebhookSecret(EngineDbContext db, WebhookSecretProtector secrets, IOptions<WebhookRetryOptions> options, TimeProvider clock)
{
    public async Task<Result<SavedWebhookEndpoint>> HandleAsync(AgencyId agencyId, Actor actor, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.WithSpecification(new WebhookEndpointOfAgencySpec(agencyId)).SingleOrDefaultAsync(ct);
        if (endpoint is null)
        {
            return new NotFound("webhook endpoint");
        }
        var now = clock.GetUtcNow();
        var secret = WebhookSecret.Generate();
        endpoint.RotateSecret(secrets.Protect(secret), now, options.Value.SecretRotationOverlap);
        db.AuditEvents.Add(AuditEvent.Record(actor, "webhook_endpoint.secret_rotated", agencyId, null,
            new { previousSecretExpiresAt = endpoint.PreviousSecretExpiresAt }, now));
        await db.SaveChangesAsync(ct);
        return new SavedWebhookEndpoint(endpoint.Url, endpoint.EventList, secret.Value, endpoint.PreviousSecretExpiresAt,
            endpoint.DisabledAt, endpoint.DisabledReason);
    }
}
