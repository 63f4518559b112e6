using System.Security.Cryptography;
using System.Text;

namespace ResellerKit.Storefront.Telemetry;

/// <summary>
/// Who may read <c>/metrics</c> (see <see cref="PrometheusOptions"/>), and what the management port serves: the
/// scrape and the health probes, nothing of the product.
/// </summary>
public static class MetricsAccess
{
    public const string Path = "/metrics";

    private static readonly string[] ManagementPaths = [Path, "/healthz", "/readyz"];

    /// <summary>Runs in the scrape's branch: refuses a scrape that is on the wrong port or lacks the token.</summary>
    public static Task Guard(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetRequiredService<PrometheusOptions>();
        var onManagementPort = options.Port is { } port && context.Connection.LocalPort == port;
        if (options.Port is not null && !onManagementPort)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        if (options.ScrapeToken is { } token)
        {
            if (!HasToken(context.Request, token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
                return Task.CompletedTask;
            }
        }
        else if (!onManagementPort && !options.AnonymousOnPublicPort)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next();
    }

    /// <summary>On the management port, anything but the scrape and the probes is not found.</summary>
    public static Task ManagementPortOnly(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetRequiredService<PrometheusOptions>();
        if (options.Port is { } port && context.Connection.LocalPort == port
            && !ManagementPaths.Contains(context.Request.Path.Value, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next();
    }

    private static bool HasToken(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(sent, SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
