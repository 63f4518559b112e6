using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Recharges;
using ResellerKit.Storefront.Webhooks.Outbound;
using ResellerKit.Storefront.Webhooks.Sending;
using ResellerKit.Storefront.Webhooks.Subscriptions;

namespace ResellerKit.Storefront.Webhooks;

public static class WebhooksRegistration
{
    /// <summary>The agency's endpoint (save, rotate), the delivery of events through the outbox, and the settings of both.</summary>
    public static WebApplicationBuilder AddAgencyWebhooks(this WebApplicationBuilder builder)
    {
        builder.AddOutboundWebhooks();
        var services = builder.Services;
        services.AddOptions<WebhookRetryOptions>().Bind(builder.Configuration.GetSection(WebhookRetryOptions.Section));
        services.AddOptions<RechargeOptions>().Bind(builder.Configuration.GetSection(RechargeOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<WebhookSecretProtector>();
        services.AddScoped<SaveWebhookEndpoint>();
        services.AddScoped<RotateWebhookSecret>();
        services.AddScoped<IOutboxHandler, WebhookMessageHandler>();
        return builder;
    }
}
