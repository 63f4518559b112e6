using ResellerKit.Storefront.Components;

namespace ResellerKit.Storefront.BackOffice;

public static class BackOfficeRegistration
{
    public static WebApplicationBuilder AddBackOffice(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<WorkspaceCookie>();
        builder.Services.AddScoped<WorkspaceAccess>();
        builder.Services.AddScoped<BackOfficeContext>();
        builder.Services.AddScoped<Components.AutoRecharge.RechargeOverview>();
        return builder;
    }

    public static WebApplication MapBackOffice(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapBackOfficeActions();
        return app;
    }
}
