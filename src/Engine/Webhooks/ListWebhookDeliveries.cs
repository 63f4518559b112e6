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
        long? before = null;
        if (page.After is not null)
        {
            if (!long.TryParse(page.After, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return ValidationFailed.For("cursor", "The cursor is not one this API returned.");
            }
            before = number;
        }
        var rows = await db.WebhookMessages.WithSpecification(new WebhookMessagesOfAgencySpec(agencyId, before, eventType))
            .Include(m => m.Attempts).Take(page.Limit + 1).ToListAsync(ct);
        return page.ToPage(rows, m => m.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
