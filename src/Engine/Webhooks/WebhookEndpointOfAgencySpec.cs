using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Webhooks;

/// <summary>The agency's one webhook endpoint.</summary>
public sealed class WebhookEndpointOfAgencySpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointOfAgencySpec(AgencyId agencyId) => Query.Where(e => e.AgencyId == agencyId);
}
