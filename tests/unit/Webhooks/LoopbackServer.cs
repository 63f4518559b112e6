using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Tests.Unit.Webhooks;

public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A real Kestrel endpoint on 127.0.0.1 (loopback: the only non-public address tests may reach).</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public static async Task<LoopbackServer> StartAsync(RequestDelegate respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            server!.Received.Enqueue(new ReceivedRequest(context.Request.Path, headers, body));
            await respond(context);
        });
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new LoopbackServer(app, new Uri(address));
        return server;
    }

    /// <summary>A receiver's answer: the status, with "ok" for a 200 and "try later" for anything else.</summary>
    public static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(status == 200 ? "ok" : "try later", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
