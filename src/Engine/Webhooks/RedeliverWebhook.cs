using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Webhooks;

/// <summary>
/// Sends a message again, by hand, with the same <c>webhook-id</c> (the receiver dedupes) and a fresh retry period.
/// A message still pending is left alone: it is already on its way.
/// </summary>
public sealed class RedeliverWebhook(EngineDbContext db, OutboxWriter outbox, TimeProvider clock)
{
    public async Task<Result<WebhookMessage>> HandleAsync(AgencyId agencyId, Guid id, Actor actor, CancellationToken ct)
    {
        var message = await db.WebhookMessages.WithSpecification(new WebhookMessagesOfAgencySpec(agencyId))
            .Include(m => m.Attempts).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return new NotFound("webhook delivery");
        }
        if (message.State == WebhookMessageState.Pending)
        {
            return new Conflict("This delivery is still pending: it will be attempted again on its own.");
        }
        if (!await db.WebhookEndpoints.AnyAsync(e => e.AgencyId == agencyId, ct))
        {
            return new Conflict("There is no webhook endpoint to deliver to. Save one first.");
        }
        var now = clock.GetUtcNow();
        var redeliveries = message.Redeliveries + 1;
        var updated = await db.WebhookMessages.Where(m => m.Id == id && m.State != WebhookMessageState.Pending && m.Redeliveries == message.Redeliveries)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, WebhookMessageState.Pending)
                .SetProperty(m => m.Redeliveries, redeliveries)
                .SetProperty(m => m.RetryUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)now), ct);
        if (updated == 0)
        {
            return new Conflict("This delivery was redelivered at the same moment by another request.");
        }
        outbox.Enqueue(WebhookMessage.OutboxTopic, $"{message.WebhookId}:redeliver:{redeliveries}", message.Id.ToString(), agencyId);
        db.AuditEvents.Add(AuditEvent.Record(actor, "webhook.redelivered", agencyId, message.SubAccountId,
            new { messageId = message.Id, message.WebhookId, message.EventType }, now));
        await db.SaveChangesAsync(ct);
        return await db.WebhookMessages.AsNoTracking().Include(m => m.Attempts).SingleAsync(m => m.Id == id, ct);
    }
}
