using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Every unsafe back-office route, found in the app's own endpoint data source (so a new one cannot be forgotten),
/// posted by a signed-in owner without the antiforgery token: each must answer 400 and change nothing.
/// </summary>
public sealed partial class AntiforgeryTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string[] Unsafe = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    [Fact]
    public async Task EveryUnsafeBackOfficeRoute_WithoutAnAntiforgeryToken_Answers400()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Kept", 100, 1_500);
        var owner = await api.SignInOwnerAsync(agency);
        var routes = UnsafeBackOfficeRoutes().ToList();
        var failures = new List<string>();

        foreach (var (method, pattern) in routes)
        {
            var path = Fill(pattern, pattern.Contains("packs", StringComparison.Ordinal) ? pack : null);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([new("role", "Owner")]) };
            var response = await owner.Client.SendAsync(request, Ct);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{method} {pattern} ({path}): {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        routes.Count.ShouldBeGreaterThan(20, "the endpoint data source lists the back office's routes");
        routes.ShouldContain((HttpMethods.Post, "/admin/logout"));
        failures.ShouldBeEmpty(string.Join("\n", failures));
        (await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(1);
        (await owner.GetAsync("/admin/packs")).Status.ShouldBe(HttpStatusCode.OK, "the owner is still signed in");
    }

    private IEnumerable<(string Method, string Pattern)> UnsafeBackOfficeRoutes() =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "/admin" || raw.StartsWith("/admin/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? Unsafe)
                .Where(m => Unsafe.Contains(m, StringComparer.OrdinalIgnoreCase))
                .Select(m => (m.ToUpperInvariant(), e.RoutePattern.RawText!)))
            .Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal);

    // Route values a request can carry: a guid for ids (the pack's own, for pack routes), a number for versions, a word otherwise.
    private static string Fill(string pattern, string? packId) => Parameter().Replace(pattern, m =>
        m.Groups["constraint"].Value switch
        {
            "guid" => packId ?? Guid.NewGuid().ToString(),
            "int" or "long" => "1",
            _ => m.Groups["name"].Value.StartsWith('*') ? "file.liquid" : "x",
        });

    [GeneratedRegex(@"\{(?<name>\*?\w+)(?::(?<constraint>\w+))?\??\}")]
    private static partial Regex Parameter();
}
