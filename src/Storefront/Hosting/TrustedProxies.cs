using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// <c>ResellerKit:TrustedProxies</c>: the addresses or networks (CIDR), comma-separated, of the proxies in front of the
/// app (nginx, an ingress, a load balancer). A request one of them passes on is taken to come from the client address
/// its <c>X-Forwarded-For</c> names, so that the sign-in throttle counts each client on its own instead of everyone
/// behind the proxy as one. Unset, the header is never read: nobody can choose the address they are counted under.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "ResellerKit:TrustedProxies";

    /// <summary>The networks the setting names; an entry that is no address or network stops the app with its name.</summary>
    public static IReadOnlyList<IPNetwork> Parse(string? setting)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new InvalidOperationException(
                    $"{Setting}: \"{entry}\" is not an IP address or a network such as 10.0.0.0/8; list the proxies' addresses, separated by commas.");
            }
        }
        return networks;
    }

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var networks = Parse(builder.Configuration[Setting]);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
            options.ForwardLimit = null; // through every trusted proxy in a chain (an ingress, then nginx), to the first address none of them owns
        });
        return builder;
    }

    /// <summary>
    /// Reads forwarded addresses only when the options name a proxy: with none, the framework would believe every
    /// sender, so the decision is taken from the options the middleware runs with, not from a second read of the setting.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownIPNetworks.Count > 0 || options.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
