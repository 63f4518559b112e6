using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// The host names the platform itself answers on: the public base URL's host, loopback, and any listed in
/// <c>ResellerKit:PlatformHosts</c>. Any other host is an agency's custom domain, or unknown.
/// </summary>
public sealed class PlatformHosts(IOptions<ResellerKitOptions> options)
{
    private readonly HashSet<string> hosts = Build(options.Value);

    public bool IsPlatform(string host) => hosts.Contains(host);

    private static HashSet<string> Build(ResellerKitOptions options)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]", "::1" };
        if (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicUrl))
        {
            set.Add(publicUrl.Host);
        }
        foreach (var host in (options.PlatformHosts ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(host.Trim());
        }
        return set;
    }
}
