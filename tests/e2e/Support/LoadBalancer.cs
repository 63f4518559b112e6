using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// YARP in front of the Storefront nodes, configured as README's "Scaling out" tells an operator to: circuits
/// (<c>/_blazor</c>, <c>/widget/_blazor</c>) and the back office stick to one node by a cookie, and fall over to
/// another when it dies; everything else is spread round-robin. Active health checks on <c>/healthz</c> take a dead
/// node out within a few seconds and put it back when it answers again.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    public const string AffinityCookie = ".rk-node";

    private readonly WebApplication app;

    private LoadBalancer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The node (its base URL) that last carried a request to the widget's hub.</summary>
    public string? WidgetNode { get; private set; }

    /// <summary>The node that last carried a back-office request.</summary>
    public string? BackOfficeNode { get; private set; }

    /// <summary>Requests the balancer sent to each node.</summary>
    public ConcurrentDictionary<string, int> Forwarded { get; } = new();

    public static async Task<LoadBalancer> StartAsync(int port, IReadOnlyList<string> nodes)
    {
        var url = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy().LoadFromMemory(Routes(), [Cluster("sticky", nodes, sticky: true), Cluster("spread", nodes, sticky: false)]);
        var app = builder.Build();
        var balancer = new LoadBalancer(app, url);
        app.MapReverseProxy(proxy =>
        {
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.Use(async (context, next) =>
            {
                await next();
                if (context.GetReverseProxyFeature().ProxiedDestination is { } destination)
                {
                    balancer.Forwarded.AddOrUpdate(destination.Model.Config.Address, 1, (_, n) => n + 1);
                    if (context.Request.Path.StartsWithSegments("/widget/_blazor"))
                    {
                        balancer.WidgetNode = destination.Model.Config.Address;
                    }
                    else if (context.Request.Path.StartsWithSegments("/admin"))
                    {
                        balancer.BackOfficeNode = destination.Model.Config.Address;
                    }
                }
            });
        });
        await app.StartAsync();
        return balancer;
    }

    private static RouteConfig[] Routes() =>
    [
        Sticky("blazor", "/_blazor/{**rest}"),
        Sticky("widget-hub", "/widget/_blazor/{**rest}"),
        Sticky("back-office", "/admin/{**rest}"),
        new() { RouteId = "everything-else", ClusterId = "spread", Order = 100, Match = new() { Path = "/{**rest}" } },
    ];

    private static RouteConfig Sticky(string id, string path) => new() { RouteId = id, ClusterId = "sticky", Match = new() { Path = path } };

    private static ClusterConfig Cluster(string id, IReadOnlyList<string> nodes, bool sticky) => new()
    {
        ClusterId = id,
        LoadBalancingPolicy = "RoundRobin",
        SessionAffinity = sticky
            ? new() { Enabled = true, Policy = "HashCookie", FailurePolicy = "Redistribute", AffinityKeyName = AffinityCookie }
            : null,
        HealthCheck = new()
        {
            Active = new() { Enabled = true, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(1), Policy = "ConsecutiveFailures", Path = "/healthz" },
        },
        Destinations = nodes.Select((node, i) => (node, i)).ToDictionary(n => $"node{n.i + 1}", n => new DestinationConfig { Address = n.node }),
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
