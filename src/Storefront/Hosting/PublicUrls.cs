using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ResellerKit.Storefront.Hosting;

/// <summary>Absolute URLs for links that leave the request: emails, API answers, the console banner.</summary>
public sealed class PublicUrls(IOptions<ResellerKitOptions> options, IServer server)
{
    public string BaseUrl => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
        ? options.Value.PublicBaseUrl.TrimEnd('/')
        : InternalBaseUrl;

    /// <summary>This process's own address, for calls it makes to itself (the sandbox); never a proxy's public name.</summary>
    public string InternalBaseUrl
    {
        get
        {
            var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            return bound.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/');
        }
    }
}
