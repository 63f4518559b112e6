using System.Net;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// Keeps every request on HTTP/1.1 or lower. HTTP/3 runs over QUIC and does not go through
/// <see cref="SocketsHttpHandler.ConnectCallback"/>, so it would bypass the SSRF guard.
/// </summary>
internal sealed class HttpVersionPin(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Version = HttpVersion.Version11;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        return base.SendAsync(request, cancellationToken);
    }
}
