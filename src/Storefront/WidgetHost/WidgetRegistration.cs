using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.StaticAssets.Infrastructure;
using Microsoft.Extensions.FileProviders;
using ResellerKit.Storefront.Api.Embedding;
using ResellerKit.Widget.Components;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// The embeddable <c>&lt;resellerkit-credits&gt;</c> widget: Razor components from src/Widget rendered over their own
/// Blazor hub, <c>/widget.js</c> (the loader, a published static asset), and the widget-session and origin API.
/// </summary>
public static class WidgetRegistration
{
    /// <summary>The widget's own hub, apart from the back office's <c>/_blazor</c>: only this one answers other origins.</summary>
    public const string HubPath = "/widget/_blazor";

    public static WebApplicationBuilder AddWidget(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<WidgetOptions>(builder.Configuration.GetSection(WidgetOptions.Section));
        // Run from build output (tests, dotnet run), MapStaticAssets adds a GET-only {**path:file} fallback that turns
        // every other verb on an unknown path into 405. The published app has none; keep the two alike.
        builder.Configuration.AddInMemoryCollection([new("DisableStaticAssetNotFoundRuntimeFallback", "true")]);
        // No JavaScript initializer: circuit options are shared with the back office's circuits, whose pages do not
        // load widget.js. widget.js adds the component once Blazor.start() has resolved.
        services.AddRazorComponents().AddInteractiveServerComponents(o =>
            o.RootComponents.RegisterForJavaScript<CreditsWidget>(CreditsWidget.ElementName));
        services.AddSingleton<WidgetSigningKey>();
        services.AddSingleton<ClientSecrets>();
        services.AddSingleton<OwnOrigins>();
        services.AddSingleton<RefusedOrigins>();
        services.AddSingleton<WidgetSnippet>();
        services.AddScoped<WidgetGate>();
        services.AddScoped<WidgetThemes>();
        services.AddScoped<WidgetViews>();
        services.AddScoped<WidgetScreen>();
        services.AddScoped<IWidgetData, WidgetData>();
        services.AddHostedService<WidgetWarmUp>();
        return builder;
    }

    public static WebApplication MapWidget(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(HubPath) || WidgetFirstScreen.Serves(c.Request.Path), branch => branch.UseMiddleware<WidgetOriginGate>());
        UsePublishedWebRoot(app.Environment);
        if (!StaticAssetsEndpointDataSourceHelper.HasStaticAssetsDataSource(app))
        {
            app.MapStaticAssets(); // /widget.js and _framework/blazor.server.js, precompressed at publish.
        }
        app.MapBlazorHub(HubPath);
        app.MapGet(WidgetOriginCheck.Path, WidgetOriginCheck.HandleAsync).ExcludeFromDescription();
        app.MapWidgetFirstScreen();
        app.MapEmbedding();
        return app;
    }

    // Operators start the published app from any folder (the content root), but its wwwroot sits beside the binaries.
    private static void UsePublishedWebRoot(IWebHostEnvironment environment)
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!environment.WebRootFileProvider.GetFileInfo("widget.js").Exists && File.Exists(Path.Combine(published, "widget.js")))
        {
            environment.WebRootPath = published;
            environment.WebRootFileProvider = new PhysicalFileProvider(published);
        }
    }
}
