using Microsoft.Azure.SignalR;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// Widget and back-office circuits through Azure SignalR Service, when <see cref="ConnectionStringKey"/> is set: the
/// service holds the browsers' connections and routes each circuit back to the node that owns it, so the load
/// balancer needs no sticky sessions for them. Blazor needs <see cref="ServerStickyMode.Required"/>. Without the
/// setting nothing is registered and each node serves its own hubs.
/// </summary>
public static class AzureSignalR
{
    public const string ConnectionStringKey = "Azure:SignalR:ConnectionString";

    public static WebApplicationBuilder AddAzureSignalRWhenConfigured(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[ConnectionStringKey] is not { Length: > 0 } connectionString)
        {
            return builder;
        }
        builder.Services.AddSignalR().AddAzureSignalR(options =>
        {
            options.ConnectionString = connectionString;
            options.ServerStickyMode = ServerStickyMode.Required;
        });
        return builder;
    }
}
