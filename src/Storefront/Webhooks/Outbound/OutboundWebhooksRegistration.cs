namespace ResellerKit.Storefront.Webhooks.Outbound;

public static class OutboundWebhooksRegistration
{
    /// <summary>The SSRF-guarded outbound HTTP, the webhook URL check and one-attempt delivery.</summary>
    public static WebApplicationBuilder AddOutboundWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboundHttpOptions>().Bind(builder.Configuration.GetSection(OutboundHttpOptions.Section));
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<GuardedHttpClientFactory>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookDelivery>();
        return builder;
    }
}
