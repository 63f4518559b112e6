using Microsoft.AspNetCore.DataProtection;
using ResellerKit.Engine;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Accounts;
using ResellerKit.Storefront.Api;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Api.Idempotency;
using ResellerKit.Storefront.BackOffice;
using ResellerKit.Storefront.Branding;
using ResellerKit.Storefront.Email;
using ResellerKit.Storefront.Payments;
using ResellerKit.Storefront.Shop;
using ResellerKit.Storefront.Telemetry;
using ResellerKit.Storefront.Webhooks;
using ResellerKit.Themes;
using ResellerKit.Themes.Rendering;

namespace ResellerKit.Storefront.Hosting;

public static class HostRegistration
{
    public static WebApplicationBuilder AddResellerKit(this WebApplicationBuilder builder)
    {
        var database = new DatabaseOptions
        {
            Provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite),
            ConnectionString = builder.Configuration.GetConnectionString("Engine") ?? DatabaseOptions.DefaultConnectionString,
            SlowWrite = TimeSpan.FromSeconds(Math.Max(0.1, builder.Configuration.GetValue("Database:SlowWriteSeconds", 5.0))),
            CheckpointPages = Math.Max(1, builder.Configuration.GetValue("Database:CheckpointPages", 1000)),
        };
        builder.Services.AddEngine(database);
        builder.Services.AddThemes(builder.Configuration.GetSection(ThemeLimits.Section).Get<ThemeLimits>());
        builder.Services.AddDataProtectionKeys(database);
        builder.Services.Configure<ResellerKitOptions>(builder.Configuration.GetSection(ResellerKitOptions.Section));
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddSingleton<ProtectedSettings>();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddScoped<DatabasePreparation>();
        builder.Services.AddScoped<DemoSeed>();
        builder.Services.AddScoped<PlatformKeyStore>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<PlatformHosts>();
        builder.Services.AddSingleton<CustomDomains>();
        builder.Services.AddSingleton<StorefrontHosts>();
        builder.Services.AddSingleton<ITxtRecords, DnsTxtRecords>();
        builder.Services.AddScoped<ShopContexts>();
        builder.Services.AddScoped<ShopRenderer>();
        builder.Services.AddShopPageCache();
        builder.Services.AddScoped<ThemeEditor>();
        builder.Services.AddScoped<ThemeDraftEditor>();
        builder.Services.AddSingleton<ThemePreviewTokens>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 2 * 1024 * 1024);
        builder.AddApi();
        builder.AddSignIn();
        builder.AddPayments();
        builder.AddEmail();
        builder.AddBackOffice();
        builder.AddAgencyWebhooks();
        builder.AddTelemetry();
        builder.AddAzureSignalRWhenConfigured();
        builder.AddTrustedProxies();
        return builder;
    }

    public static WebApplication UseResellerKit(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseMiddleware<SlowRequests>();
        app.UseMiddleware<HttpsBehindProxy>();
        app.UseExceptionHandler();
        app.Use(HostHeaderCheck.RejectUnreadable);
        app.UseMetricsEndpoint();
        app.UseStatusCodePages(BrowserErrorPage.OnStatusCode);
        app.Use(JsonCharset.RejectUnknown);
        app.Use(JsonBodyCheck.RejectMalformed);
        app.Use(IdempotencyFilter.CheckKeyedRequests);
        app.UseShopHostRouting();
        app.UseFormNotOnPage(); // before the headers: its answer replaces the refused one, headers and all, and runs them again
        app.UseSecurityHeaders();
        app.UseRouting();
        app.UseShopPageCache();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<SignInThrottle>();
        app.UseMiddleware<TwoFactorEnrolment>();
        app.UseAntiforgery();
        return app;
    }
}
