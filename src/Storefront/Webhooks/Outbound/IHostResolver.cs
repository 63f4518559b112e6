using System.Net;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>Turns a host name into addresses. DNS in production; a stub in tests so that no test needs the network.</summary>
public interface IHostResolver
{
    /// <summary>All addresses of <paramref name="host"/>; throws <see cref="System.Net.Sockets.SocketException"/> when it has none.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}
