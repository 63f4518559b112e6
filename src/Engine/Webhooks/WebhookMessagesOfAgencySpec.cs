using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Webhooks;

/// <summary>An agency's webhook messages, newest first, from just before <paramref name="beforeNumber"/>.</summary>
public sealed class WebhookMessagesOfAgencySpec : Specification<WebhookMessage>
{
    public WebhookMessagesOfAgencySpec(AgencyId agencyId, long? beforeNumber = null, string? eventType = null)
    {
        Query.Where(m => m.AgencyId == agencyId).AsNoTracking();
        if (beforeNumber is { } before)
        {
            Query.Where(m => m.Number < before);
        }
        if (eventType is not null)
        {
            Query.Where(m => m.EventType == eventType);
        }
        Query.OrderByDescending(m => m.Number);
    }
}
