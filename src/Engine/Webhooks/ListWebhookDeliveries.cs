using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Webhooks;

/// <summary>The delivery log: an agency's webhook messages, newest first, each with every attempt.</summary>
public sealed class ListWebhookDeliveries(EngineDbContext db)
{
    public async Task<Result<Page<WebhookMessage>>> HandleAsync(AgencyId agencyId, string? eventType, PageRequest page, CancellationToken ct)
    {
        if (eventType is not null && !WebhookEventTypes.IsKnown(eventType))
        {
            return ValidationFailed.For("eventType", $"eventType must be one of {string.Join(", ", WebhookEventTypes.All)}.");
        }
        var after = page.NumberAfter();
        if (!after.IsSuccess)
        {
            return after.Error;
        }
        var before = after.Value;
        var rows = await db.WebhookMessages.WithSpecification(new WebhookMessagesOfAgencySpec(agencyId, before, eventType))
            .Include(m => m.Attempts).Take(page.Limit + 1).ToListAsync(ct);
        return page.ToPage(rows, m => m.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
