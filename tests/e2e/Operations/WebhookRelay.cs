using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>
/// Stands between the Stripe sandbox and the Storefront's <c>/webhooks/stripe</c>: it passes every other webhook on
/// at once and holds the rest unanswered, so that when the Storefront is killed some events are granted and some
/// are still in delivery. What the sandbox does with the held ones after a restart is what the crash test checks.
/// </summary>
public sealed class WebhookRelay : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient http = new();
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int received;
    private int forwarded;
    private int held;

    private WebhookRelay(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public int Forwarded => Volatile.Read(ref forwarded);

    public int Held => Volatile.Read(ref held);

    public static async Task<WebhookRelay> StartAsync(string storefrontWebhookUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var relay = new WebhookRelay(app);
        app.MapPost("/relay", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            if (Interlocked.Increment(ref relay.received) % 2 == 0)
            {
                Interlocked.Increment(ref relay.held);
                await relay.released.Task.WaitAsync(context.RequestAborted);
                context.Response.StatusCode = 503;
                return;
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, storefrontWebhookUrl) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", context.Request.Headers["Stripe-Signature"].ToString());
            using var response = await relay.http.SendAsync(request, context.RequestAborted);
            Interlocked.Increment(ref relay.forwarded);
            context.Response.StatusCode = (int)response.StatusCode;
        });
        await app.StartAsync(Ct);
        relay.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/relay";
        return relay;
    }

    public async ValueTask DisposeAsync()
    {
        released.TrySetResult();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        http.Dispose();
    }
}
