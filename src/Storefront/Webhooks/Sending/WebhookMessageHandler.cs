using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Webhooks;
using ResellerKit.Storefront.Telemetry;
using ResellerKit.Storefront.Webhooks.Outbound;
using ResellerKit.Storefront.Webhooks.Subscriptions;

namespace ResellerKit.Storefront.Webhooks.Sending;

/// <summary>
/// Delivers one webhook message per outbox lease: signs it with the endpoint's secrets (two during a rotation), sends
/// it through the SSRF-guarded <see cref="WebhookDelivery"/>, logs the attempt, and decides what follows:
/// 2xx delivered; 410 disables the endpoint; a refused address fails at once; anything else retries with backoff and
/// jitter (or the endpoint's Retry-After) until <see cref="WebhookRetryOptions.RetryFor"/> has passed. Every attempt
/// carries the same <c>webhook-id</c>.
/// </summary>
public sealed class WebhookMessageHandler(
    EngineDbContext db, WebhookDelivery delivery, WebhookSecretProtector secrets, IOptions<WebhookRetryOptions> options, TimeProvider clock,
    ILogger<WebhookMessageHandler> logger) : IOutboxHandler
{
    public string Topic => WebhookMessage.OutboxTopic;

    public async Task<OutboxOutcome> HandleAsync(OutboxMessage outboxMessage, CancellationToken ct)
    {
        var id = Guid.Parse(outboxMessage.Payload);
        var message = await db.WebhookMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return OutboxOutcome.Abandon($"Webhook message {id} does not exist.");
        }
        if (message.State != WebhookMessageState.Pending)
        {
            return OutboxOutcome.Delivered; // Finished by an earlier round; nothing to send.
        }
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.AgencyId == message.AgencyId, ct);
        var now = clock.GetUtcNow();
        if (endpoint is null || endpoint.DisabledAt is not null)
        {
            var why = endpoint is null ? "The agency has no webhook endpoint." : $"The endpoint is disabled: {endpoint.DisabledReason}";
            message.Failed(why);
            await db.SaveChangesAsync(ct);
            StorefrontTelemetry.WebhookDelivery("no_endpoint");
            return OutboxOutcome.Abandon(why);
        }

        var keys = endpoint.SigningSecrets(now).Select(secrets.Unprotect).ToList();
        var started = Stopwatch.GetTimestamp();
        var result = await delivery.SendAsync(endpoint.Url, message.WebhookId, message.Payload, keys, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        message.Attempted(WebhookAttempt.Record(message.Number, message.AttemptCount + 1, now, result.Status.ToString().ToLowerInvariant(),
            result.StatusCode, elapsed, result.Detail, result.ResponseSnippet), options.Value.RetryFor);

        var outcome = Decide(message, endpoint, result, now);
        await db.SaveChangesAsync(ct);
        StorefrontTelemetry.WebhookDelivery(result.Status switch
        {
            DeliveryStatus.Delivered => "delivered",
            DeliveryStatus.Gone => "gone",
            DeliveryStatus.Refused => "refused",
            _ => outcome is AbandonOutcome ? "failed" : "retry",
        });
        if (outcome is AbandonOutcome abandoned)
        {
            logger.LogWarning("Webhook {WebhookId} ({Type}) for agency {Agency} failed for good: {Error}",
                message.WebhookId, message.EventType, message.AgencyId, abandoned.Error);
        }
        return outcome;
    }

    private OutboxOutcome Decide(WebhookMessage message, WebhookEndpoint endpoint, DeliveryResult result, DateTimeOffset now)
    {
        switch (result.Status)
        {
            case DeliveryStatus.Delivered:
                message.Delivered(now);
                return OutboxOutcome.Delivered;
            case DeliveryStatus.Gone:
                endpoint.Disable(result.Detail, now);
                message.Failed(result.Detail);
                return OutboxOutcome.Abandon(result.Detail);
            case DeliveryStatus.Refused:
                message.Failed(result.Detail);
                return OutboxOutcome.Abandon(result.Detail);
            default:
                // Retries go on until an attempt is made after RetryUntil, so they span at least RetryFor.
                if (now >= message.RetryUntil)
                {
                    var error = $"Gave up after {message.AttemptCount} attempts: {result.Detail}";
                    message.Failed(error);
                    return OutboxOutcome.Abandon(error);
                }
                var next = now + WebhookRetrySchedule.Next(message.AttemptCount, options.Value, result.RetryAfter);
                message.RetryAt(next, result.Detail);
                return OutboxOutcome.RetryAt(next, result.Detail);
        }
    }
}
