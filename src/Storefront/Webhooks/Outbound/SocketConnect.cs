using System.Net;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>Opens a TCP stream to one address the guard has already checked. Tests replace it to observe connects.</summary>
public delegate ValueTask<Stream> SocketConnect(IPEndPoint endpoint, CancellationToken ct);
