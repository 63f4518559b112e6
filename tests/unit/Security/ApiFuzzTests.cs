using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Generated bad input to every /api/v1 route (found in the app's endpoints, so a new route is fuzzed without
/// anyone remembering to): never a 5xx, every 4xx is a problem document with a stable <c>code</c>, and input that is
/// invalid whatever the route does with it (<see cref="FuzzInput.MustRefuse"/>: malformed JSON, a value of the
/// wrong type, invalid UTF-8, a repeated property, a wrong content type, an id that names nothing) gets a 4xx, never
/// a 2xx or 3xx. Input that may be acceptable (null for an optional field, any string, an unknown query value) only
/// has to avoid a 5xx. On PostgreSQL too, which refuses text holding a NUL character that SQLite stores.
/// </summary>
public abstract partial class ApiFuzzTests(ApiFixture api)
{
    private const int Seed = 20261123;

    [Fact]
    public async Task EveryApiRoute_WithGeneratedBadInput_RefusesInvalidInputWithA4xxProblem_NeverA5xx()
    {
        var world = await IsolationWorld.BuildAsync(api);
        var platform = api.Platform();
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;
        var mustRefuse = 0;

        // Deletions last, so that the routes before them still find the resources they name.
        foreach (var endpoint in ApiEndpoint.All(api.Services).OrderBy(e => e.Method == "DELETE"))
        {
            var client = IsPlatformRoute(endpoint.Pattern) ? platform : world.A.Client;
            foreach (var input in FuzzInputs.For(endpoint.Endpoint, endpoint.Method, pattern => GoodPath(pattern, world), random))
            {
                sent++;
                mustRefuse += input.MustRefuse ? 1 : 0;
                var (status, contentType, body) = await SendAsync(client, endpoint.Method, input);
                if (status is null)
                {
                    failures.Add($"{endpoint.Route} [{input.Name}]: the server broke off its answer: {body}");
                    continue;
                }
                if (Problem(input, status.Value, contentType, body) is { } problem)
                {
                    failures.Add($"{endpoint.Route} [{input.Name}] {input.PathAndQuery[..Math.Min(120, input.PathAndQuery.Length)]}: {problem}");
                }
                if (endpoint.Route == "POST /api/v1/agency/api-keys/rotate" && status == HttpStatusCode.OK)
                {
                    var key = JsonDocument.Parse(body).RootElement.GetProperty("apiKey").GetString();
                    world.A.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                }
            }
        }

        sent.ShouldBeGreaterThan(1_000, "the generator produced too few inputs to mean anything");
        mustRefuse.ShouldBeGreaterThan(sent / 2, "most generated inputs are invalid by construction");
        failures.ShouldBeEmpty($"{failures.Count} of {sent} fuzzed requests broke the contract:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>What is wrong with an answer, or null when it keeps the contract.</summary>
    private static string? Problem(FuzzInput input, HttpStatusCode status, string? contentType, string body)
    {
        var code = (int)status;
        if (code >= 500)
        {
            return $"{code} {Shorten(body)}";
        }
        if (code < 400)
        {
            return input.MustRefuse ? $"{code} to input that is invalid whatever the route does with it: {Shorten(body)}" : null;
        }
        if (contentType?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            return $"{code} with content type '{contentType}', not a problem document: {Shorten(body)}";
        }
        try
        {
            var stable = JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                && StableCode().IsMatch(c.GetString()!);
            return stable ? null : $"{code} problem without a stable code: {Shorten(body)}";
        }
        catch (JsonException)
        {
            return $"{code} problem that is not JSON: {Shorten(body)}";
        }
    }

    // A null status: the answer was cut off (an exception after the response had started), with the exception's words.
    private static async Task<(HttpStatusCode?, string?, string)> SendAsync(HttpClient client, string method, FuzzInput input)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), input.PathAndQuery);
        if (input.Body is not null)
        {
            request.Content = new ByteArrayContent(input.Body);
            if (input.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", input.ContentType);
            }
        }
        try
        {
            using var response = await client.SendAsync(request, Ct);
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Ct));
        }
        catch (HttpRequestException broken)
        {
            return (null, null, Shorten(broken.GetBaseException().Message));
        }
    }

    /// <summary>Fills a route's parameters with the first agency's own resources, so that bad input reaches the handler.</summary>
    private static string GoodPath(string pattern, IsolationWorld world)
    {
        var id = pattern switch
        {
            _ when pattern.StartsWith("/api/v1/packs", StringComparison.Ordinal) => world.PackOfA,
            _ when pattern.StartsWith("/api/v1/campaigns", StringComparison.Ordinal) => world.CampaignOfA,
            _ when pattern.StartsWith("/api/v1/webhook-deliveries", StringComparison.Ordinal) => world.DeliveryOfA,
            _ when pattern.StartsWith("/api/v1/widget-sessions", StringComparison.Ordinal) => world.WidgetSessionOfA,
            _ => world.ClientOfA.SubAccountId,
        };
        var path = Regex.Replace(pattern, @"\{id:guid\}", id);
        path = Regex.Replace(path, @"\{agencyId:guid\}", world.A.Id);
        path = Regex.Replace(path, @"\{[A-Za-z]+:int\}", "1");
        path = Regex.Replace(path, @"\{\*\*[A-Za-z]+\}", "snippets/fuzz.liquid");
        return path.Replace("{currency}", "usd", StringComparison.Ordinal);
    }

    private static bool IsPlatformRoute(string pattern) =>
        pattern.StartsWith("/api/v1/agencies", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/platform", StringComparison.Ordinal);

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "..." : body;

    [GeneratedRegex("^[a-z][a-z_]*[a-z]$")]
    private static partial Regex StableCode();
}

public sealed class ApiFuzzTestsOnSqlite(SqliteApi api) : ApiFuzzTests(api), IClassFixture<SqliteApi>;

public sealed class ApiFuzzTestsOnPostgres(PostgresApi api) : ApiFuzzTests(api), IClassFixture<PostgresApi>;
