using Microsoft.Extensions.Options;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Payments.Checkout;
using ResellerKit.Storefront.Payments.Recharge;
using ResellerKit.Storefront.Payments.Stripe;
using ResellerKit.Storefront.Payments.Webhooks;
using ResellerKit.Storefront.StripeSandbox;

namespace ResellerKit.Storefront.Payments;

public static class PaymentsRegistration
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<StripeOptions>().Bind(builder.Configuration.GetSection(StripeOptions.Section))
            .PostConfigure(o => o.WithDefaultMode(development))
            .Validate(o => !o.Problems().Any(), "The Stripe configuration is not usable: see the startup log.")
            .ValidateOnStart();
        services.AddHttpClient(StripeClients.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<StripeOptions>>().Value.RequestTimeout);
        services.AddHttpClient(SandboxWebhookSender.HttpClientName);
        services.AddSingleton<StripeKeys>();
        services.AddSingleton<StripeClients>();
        services.AddSingleton<CheckoutCancelTokens>();
        services.AddSingleton<CheckoutUrls>();
        services.AddScoped<StripeEventDispatcher>();
        services.AddScoped<IOutboxHandler, StripeRechargeHandler>();

        var stripe = (builder.Configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new StripeOptions()).WithDefaultMode(development);
        foreach (var problem in stripe.Problems())
        {
            Console.Error.WriteLine($"Stripe configuration: {problem}");
        }
        if (stripe.IsOff)
        {
            services.AddScoped<IPaymentGateway, PaymentsOffGateway>();
            return builder;
        }
        services.AddScoped<IPaymentGateway, StripeGateway>();
        if (stripe.IsSandbox)
        {
            services.AddSingleton<SandboxSecrets>();
            services.AddSingleton<SandboxQueries>();
            services.AddSingleton<SandboxOutages>();
            services.AddScoped<SandboxStore>();
            services.AddScoped<SandboxEvents>();
            services.AddScoped<SandboxPayments>();
            services.AddScoped<SandboxExpiry>();
            services.AddHostedService<SandboxExpiryWorker>();
            services.AddScoped<IOutboxHandler, SandboxWebhookSender>();
            services.AddScoped<IOutboxHandler, SandboxSettler>();
            services.AddHostedService<SandboxAutoConnect>();
        }
        return builder;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        app.MapStripeWebhook();
        if (app.Services.GetRequiredService<IOptions<StripeOptions>>().Value.IsSandbox)
        {
            app.MapStripeSandbox();
        }
        return app;
    }
}
