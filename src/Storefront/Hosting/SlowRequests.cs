using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// Logs a warning for every request that takes longer than <see cref="ResellerKitOptions.SlowRequestSeconds"/>, with its
/// method, path and status: a page that hangs in a browser names the request it waited for in the server's log.
/// Connections meant to stay open (WebSockets, SignalR hubs, event streams) are left out.
/// </summary>
public sealed class SlowRequests(RequestDelegate next, IOptions<ResellerKitOptions> options, ILogger<SlowRequests> logger)
{
    public const double DefaultSeconds = 10;

    private readonly TimeSpan limit = TimeSpan.FromSeconds(Math.Max(0.01, options.Value.SlowRequestSeconds ?? DefaultSeconds));

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var took = Stopwatch.GetElapsedTime(started);
            if (took > limit && !StaysOpen(context))
            {
                logger.LogWarning("{Method} {Path} took {Seconds:F1} s (status {Status}{Aborted})", context.Request.Method, context.Request.Path,
                    took.TotalSeconds, context.Response.StatusCode, context.RequestAborted.IsCancellationRequested ? ", the client went away" : "");
            }
        }
    }

    private static bool StaysOpen(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest
        || context.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is not null
        || context.Response.ContentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true;
}
