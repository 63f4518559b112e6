using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Storefront.Components.AutoRecharge;

/// <summary>What the sub-account page shows about auto-recharge besides its settings: one page of the recharge log, and whether the agency's endpoint takes recharge requests.</summary>
public sealed record RechargeSummary(Page<RechargeLogEntry> Log, bool EndpointTakesRequests);

/// <summary>Loads a <see cref="RechargeSummary"/> with the Engine's own handlers, for the page to hand to its recharge components.</summary>
public sealed class RechargeOverview(EngineDbContext db, ListRecharges recharges)
{
    public const int PageSize = 10;

    public async Task<RechargeSummary> LoadAsync(Tenant tenant, SubAccountId id, string? cursor, CancellationToken ct)
    {
        var page = PageRequest.Parse(PageSize, cursor);
        var log = await recharges.HandleAsync(tenant, id, page.IsSuccess ? page.Value : new PageRequest(PageSize, null), ct);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().WithSpecification(new WebhookEndpointOfAgencySpec(tenant.AgencyId!.Value))
            .SingleOrDefaultAsync(ct);
        return new RechargeSummary(log.IsSuccess ? log.Value : new Page<RechargeLogEntry>([], null),
            endpoint?.Wants(WebhookEventTypes.RechargeRequested) == true);
    }
}
