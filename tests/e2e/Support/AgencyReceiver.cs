using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>One webhook as the receiver got it, and whether its signature verified.</summary>
public sealed record ReceivedWebhook(string WebhookId, string Type, JsonElement Data, bool Verified, DateTimeOffset At);

/// <summary>
/// The agency's own server: a real Kestrel endpoint on 127.0.0.1 that verifies every webhook with
/// <see cref="StandardWebhooksVerifier"/> (401 when it does not verify) and then answers as the test scripts it.
/// </summary>
public sealed class AgencyReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private AgencyReceiver(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Set once the endpoint is saved; until then nothing verifies.</summary>
    public string Secret { get; set; } = "";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public IReadOnlyList<ReceivedWebhook> OfType(string type) => Received.Where(r => r.Type == type).ToList();

    /// <param name="respond">Decides the status for a verified webhook; may call the ResellerKit API first (the grant).</param>
    public static async Task<AgencyReceiver> StartAsync(Func<ReceivedWebhook, CancellationToken, Task<int>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        AgencyReceiver? receiver = null;
        app.MapPost("/resellerkit/webhooks", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers;
            var verified = StandardWebhooksVerifier.Verify(receiver!.Secret, headers["webhook-id"], headers["webhook-timestamp"],
                headers["webhook-signature"], body, DateTimeOffset.UtcNow);
            var json = JsonDocument.Parse(body).RootElement;
            var webhook = new ReceivedWebhook(headers["webhook-id"].ToString(), json.GetProperty("type").GetString()!,
                json.GetProperty("data").Clone(), verified, DateTimeOffset.UtcNow);
            receiver.Received.Enqueue(webhook);
            context.Response.StatusCode = verified ? await respond(webhook, context.RequestAborted) : StatusCodes.Status401Unauthorized;
        });
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new AgencyReceiver(app, address + "/resellerkit/webhooks");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
