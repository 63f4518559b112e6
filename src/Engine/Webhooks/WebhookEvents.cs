using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.Webhooks;

/// <summary>
/// Publishes an event to the agency's endpoint, in the caller's unit of work: the message and its outbox row commit
/// (or roll back) with the change that caused them. Events the endpoint did not subscribe to are not recorded.
/// </summary>
public sealed class WebhookEvents(EngineDbContext db, OutboxWriter outbox, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Returns the message to deliver, or null when the agency has no enabled endpoint that wants <paramref name="type"/>.</summary>
    public async Task<WebhookMessage?> PublishAsync(
        AgencyId agencyId, string type, object data, CancellationToken ct, SubAccountId? subAccountId = null, RechargeId? rechargeId = null)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.AgencyId == agencyId, ct);
        if (endpoint is null || !endpoint.Wants(type))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var payload = JsonSerializer.Serialize(new { type, timestamp = now.UtcDateTime, data }, Json);
        var message = WebhookMessage.Create(agencyId, type, payload, subAccountId, rechargeId, now);
        db.WebhookMessages.Add(message);
        outbox.Enqueue(WebhookMessage.OutboxTopic, message.OutboxMessageId, message.Id.ToString(), agencyId);
        return message;
    }
}
