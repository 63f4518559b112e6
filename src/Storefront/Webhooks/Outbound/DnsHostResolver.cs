using System.Net;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>The operating system's resolver.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
