using ResellerKit.Storefront.Api.Agencies;
using ResellerKit.Storefront.Api.Branding;
using ResellerKit.Storefront.Api.Campaigns;
using ResellerKit.Storefront.Api.Idempotency;
using ResellerKit.Storefront.Api.Ledger;
using ResellerKit.Storefront.Api.OwnershipTransfers;
using ResellerKit.Storefront.Api.Plans;
using ResellerKit.Storefront.Api.Pricing;
using ResellerKit.Storefront.Api.Purchases;
using ResellerKit.Storefront.Api.Recharges;
using ResellerKit.Storefront.Api.SubAccounts;
using ResellerKit.Storefront.Api.Themes;
using ResellerKit.Storefront.Api.Webhooks;
using Scalar.AspNetCore;

namespace ResellerKit.Storefront.Api;

public static class ApiRoutes
{
    public static WebApplication MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<IdempotencyFilter>();
        api.MapAgencies();
        api.MapSubAccounts();
        api.MapLedger();
        api.MapPricing();
        api.MapPlans();
        api.MapPurchases();
        api.MapBranding();
        api.MapThemes();
        api.MapRecharges();
        api.MapWebhooks();
        api.MapCampaigns();
        api.MapOwnershipTransfers();

        app.MapOpenApi();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("ResellerKit API"));
        return app;
    }
}
