using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>One /api/v1 route and method, as the app maps it; <see cref="Route"/> is "METHOD /pattern".</summary>
public sealed record ApiEndpoint(RouteEndpoint Endpoint, string Method)
{
    public string Pattern => Endpoint.RoutePattern.RawText!.TrimEnd('/');

    public string Route => $"{Method} {Pattern}";

    /// <summary>Every /api/v1 route of the running app, found in its endpoint data source (not a hand-kept list).</summary>
    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ApiEndpoint(e, method)))
            .DistinctBy(e => e.Route).OrderBy(e => e.Route, StringComparer.Ordinal).ToList();
}
