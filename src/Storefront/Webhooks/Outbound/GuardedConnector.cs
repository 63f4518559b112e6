using System.Net;
using System.Net.Sockets;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// The SSRF guard inside <see cref="SocketsHttpHandler.ConnectCallback"/>. It resolves the host once, refuses the
/// whole host if any address is not public, and then connects only to the addresses it checked, so a DNS answer that
/// changes between the check and the connect (rebinding) cannot slip in.
/// </summary>
internal sealed class GuardedConnector(IHostResolver resolver, bool allowLoopback, SocketConnect connect)
{
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = HostLiteral.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await resolver.ResolveAsync(endpoint.Host, ct);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        foreach (var address in addresses)
        {
            var verdict = AddressPolicy.Check(address, allowLoopback);
            if (!verdict.IsAllowed)
            {
                throw new DestinationRefusedException(endpoint.Host, verdict);
            }
        }
        for (var i = 0; ; i++)
        {
            try
            {
                return await connect(new IPEndPoint(Plain(addresses[i]), endpoint.Port), ct);
            }
            catch (SocketException) when (i < addresses.Length - 1)
            {
                // Try the next checked address, as the default connect does.
            }
        }
    }

    public static async ValueTask<Stream> ConnectSocketAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A mapped address is connected as the IPv4 address it was checked as; zone ids are dropped.</summary>
    private static IPAddress Plain(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4()
        : address.AddressFamily == AddressFamily.InterNetworkV6 ? new IPAddress(address.GetAddressBytes())
        : address;
}
