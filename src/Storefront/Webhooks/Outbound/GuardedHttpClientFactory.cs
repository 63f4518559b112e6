using System.Net;
using Microsoft.Extensions.Options;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// Makes the <see cref="HttpClient"/> for every call to an agency's URL. One handler is shared (and pooled); its
/// connect callback is the SSRF guard. No redirects, no proxy, no cookies, no decompression, connect within 5 s, the
/// request within 15 s, pooled connections dropped after a minute. Read bodies with <see cref="CappedBody.ReadAsync"/>.
/// </summary>
public sealed class GuardedHttpClientFactory : IDisposable
{
    private readonly HttpMessageHandler pipeline;

    public GuardedHttpClientFactory(IHostResolver resolver, IOptions<OutboundHttpOptions> options)
        : this(resolver, options.Value, GuardedConnector.ConnectSocketAsync)
    {
    }

    internal GuardedHttpClientFactory(IHostResolver resolver, OutboundHttpOptions options, SocketConnect connect)
    {
        Options = options;
        var connector = new GuardedConnector(resolver, options.AllowLoopback, connect);
        Handler = new SocketsHttpHandler
        {
            ConnectCallback = (context, ct) => connector.ConnectAsync(context.DnsEndPoint, ct),
            ConnectTimeout = options.ConnectTimeout,
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            Credentials = null,
            PreAuthenticate = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            MaxResponseHeadersLength = 16,
            MaxResponseDrainSize = options.MaxResponseBytes,
        };
        pipeline = new HttpVersionPin(Handler);
    }

    public OutboundHttpOptions Options { get; }

    internal SocketsHttpHandler Handler { get; }

    /// <summary>A client over the shared guarded handler; cheap, and safe to dispose.</summary>
    public HttpClient CreateClient() => new(pipeline, disposeHandler: false)
    {
        Timeout = Options.RequestTimeout,
        MaxResponseContentBufferSize = Options.MaxResponseBytes,
    };

    public void Dispose() => pipeline.Dispose();
}
