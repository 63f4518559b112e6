using System.Net;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Every API route, found by reflection over the app's endpoints, probed with another tenant's credentials. A route
/// with no probe in <see cref="Probes"/> fails the test: a new route cannot ship without an isolation check. After
/// every probe, agency A's rows in the database (<see cref="AgencyFootprint"/>) must be exactly as they were: a
/// route that answers B correctly but writes to A fails too.
/// </summary>
public sealed class ApiIsolationMatrixTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private enum Expect { NotFound, PlatformOnly, OwnDataOnly }

    private sealed record Probe(Expect Expect, Func<IsolationWorld, string> Path, string? Body = null)
    {
        /// <summary>A body that names the first agency's resources, for routes that take their target in the body.</summary>
        public Func<IsolationWorld, string>? BodyOf { get; init; }

        /// <summary>
        /// For a route on the caller's own data: the status B gets for its own agency (404 where B has no endpoint yet,
        /// 204 for deleting an override it never had).
        /// </summary>
        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;
    }

    private static readonly Dictionary<string, Probe> Probes = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/agencies"] = new(Expect.PlatformOnly, _ => "/api/v1/agencies", "{\"name\":\"X\",\"slug\":\"sneaky-x\",\"ownerEmail\":\"x@y.example\"}"),
        ["GET /api/v1/agencies"] = new(Expect.PlatformOnly, _ => "/api/v1/agencies"),
        ["POST /api/v1/agencies/{agencyId:guid}/grants"] = new(Expect.PlatformOnly, w => $"/api/v1/agencies/{w.A.Id}/grants", "{\"credits\":5}"),
        ["PUT /api/v1/platform/minimum-prices/{currency}"] = new(Expect.PlatformOnly, _ => "/api/v1/platform/minimum-prices/usd", "{\"unitAmountPerCredit\":\"99\"}"),
        ["GET /api/v1/platform/minimum-prices"] = new(Expect.PlatformOnly, _ => "/api/v1/platform/minimum-prices"),
        ["GET /api/v1/agency"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency"),
        ["PATCH /api/v1/agency"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency", "{\"displayName\":\"Neighbour\"}"),
        ["POST /api/v1/agency/api-keys/rotate"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency/api-keys/rotate"),
        ["GET /api/v1/agency/stripe"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency/stripe"),
        ["POST /api/v1/agency/custom-domain/verify"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency/custom-domain/verify") { Status = HttpStatusCode.BadRequest }, // B has no domain of its own to verify
        ["POST /api/v1/agency/stripe/onboarding"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency/stripe/onboarding"),
        ["PUT /api/v1/agency/custom-quantity"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency/custom-quantity", "{\"pricePerCredit\":null}"),
        ["GET /api/v1/email-footer"] = new(Expect.NotFound, w => $"/api/v1/email-footer?subAccountId={w.ClientOfA.SubAccountId}"),
        ["POST /api/v1/sub-accounts"] = new(Expect.OwnDataOnly, _ => "/api/v1/sub-accounts", $"{{\"name\":\"N\",\"email\":\"n-{Guid.NewGuid():N}@example.com\"}}") { Status = HttpStatusCode.Created },
        ["GET /api/v1/sub-accounts"] = new(Expect.OwnDataOnly, _ => "/api/v1/sub-accounts"),
        ["GET /api/v1/sub-accounts/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}"),
        ["PATCH /api/v1/sub-accounts/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}", "{\"paused\":true}"),
        ["GET /api/v1/sub-accounts/{id:guid}/balance"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/balance"),
        ["POST /api/v1/sub-accounts/{id:guid}/grants"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/grants", "{\"credits\":5}"),
        ["POST /api/v1/sub-accounts/{id:guid}/usage"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/usage", "{\"credits\":5}"),
        // 200 with one result per event: the other agency's sub-account is refused not_found (UsageBatchTests), and nothing of A's shows.
        ["POST /api/v1/usage/batch"] = new(Expect.OwnDataOnly, _ => "/api/v1/usage/batch")
        {
            BodyOf = w => $"{{\"events\":[{{\"id\":\"probe-1\",\"subAccountId\":\"{w.ClientOfA.SubAccountId}\",\"credits\":5}}]}}",
        },
        ["POST /api/v1/sub-accounts/{id:guid}/checkout-sessions"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/checkout-sessions", "{\"credits\":100}"),
        ["GET /api/v1/transactions"] = new(Expect.NotFound, w => $"/api/v1/transactions?subAccountId={w.ClientOfA.SubAccountId}"),
        ["GET /api/v1/purchases"] = new(Expect.NotFound, w => $"/api/v1/purchases?subAccountId={w.ClientOfA.SubAccountId}"),
        ["POST /api/v1/packs"] = new(Expect.OwnDataOnly, _ => "/api/v1/packs", "{\"name\":\"B pack\",\"credits\":1,\"unitAmount\":100,\"currency\":\"usd\"}") { Status = HttpStatusCode.Created },
        ["GET /api/v1/packs"] = new(Expect.OwnDataOnly, _ => "/api/v1/packs"),
        ["POST /api/v1/plans"] = new(Expect.OwnDataOnly, _ => "/api/v1/plans", "{\"name\":\"B plan\",\"features\":[\"widget\"]}") { Status = HttpStatusCode.Created },
        ["GET /api/v1/plans"] = new(Expect.OwnDataOnly, _ => "/api/v1/plans"),
        ["PATCH /api/v1/packs/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/packs/{w.PackOfA}", "{\"unitAmount\":1}"),
        ["DELETE /api/v1/packs/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/packs/{w.PackOfA}"),
        ["GET /api/v1/theme"] = new(Expect.OwnDataOnly, _ => "/api/v1/theme"),
        ["PUT /api/v1/theme/settings"] = new(Expect.OwnDataOnly, _ => "/api/v1/theme/settings", "{}"),
        ["PUT /api/v1/theme/base"] = new(Expect.OwnDataOnly, _ => "/api/v1/theme/base", "{\"baseTheme\":\"slate\"}"),
        ["GET /api/v1/theme/files/{**path}"] = new(Expect.NotFound, _ => "/api/v1/theme/files/snippets/victim.liquid"),
        ["PUT /api/v1/theme/files/{**path}"] = new(Expect.OwnDataOnly, _ => "/api/v1/theme/files/snippets/neighbour.liquid", "{\"content\":\"b\"}"),
        ["DELETE /api/v1/theme/files/{**path}"] = new(Expect.OwnDataOnly, _ => "/api/v1/theme/files/snippets/victim.liquid") { Status = HttpStatusCode.NoContent },
        ["GET /api/v1/theme/revisions"] = new(Expect.OwnDataOnly, _ => "/api/v1/theme/revisions"),
        ["POST /api/v1/theme/revisions/{version:int}/rollback"] = new(Expect.NotFound, _ => "/api/v1/theme/revisions/1/rollback"),
        ["GET /api/v1/transactions.csv"] = new(Expect.NotFound, w => $"/api/v1/transactions.csv?subAccountId={w.ClientOfA.SubAccountId}"),
        ["GET /api/v1/sub-accounts/{id:guid}/recharges"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/recharges"),
        ["GET /api/v1/webhook-endpoint"] = new(Expect.OwnDataOnly, _ => "/api/v1/webhook-endpoint") { Status = HttpStatusCode.NotFound },
        ["PUT /api/v1/webhook-endpoint"] = new(Expect.OwnDataOnly, _ => "/api/v1/webhook-endpoint", "{\"url\":\"https://neighbour.invalid/hook\",\"events\":[\"credit.purchased\"]}")
        {
            Status = HttpStatusCode.UnprocessableEntity, // B's own URL does not resolve: url_not_allowed.
        },
        ["POST /api/v1/webhook-endpoint/secret/rotate"] = new(Expect.OwnDataOnly, _ => "/api/v1/webhook-endpoint/secret/rotate") { Status = HttpStatusCode.NotFound },
        ["GET /api/v1/webhook-deliveries"] = new(Expect.OwnDataOnly, _ => "/api/v1/webhook-deliveries"),
        ["GET /api/v1/webhook-deliveries/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/webhook-deliveries/{w.DeliveryOfA}"),
        ["POST /api/v1/widget-sessions"] = new(Expect.NotFound, _ => "/api/v1/widget-sessions") { BodyOf = w => $"{{\"subAccountId\":\"{w.ClientOfA.SubAccountId}\"}}" },
        ["DELETE /api/v1/widget-sessions/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/widget-sessions/{w.WidgetSessionOfA}"),
        ["DELETE /api/v1/sub-accounts/{id:guid}/widget-sessions"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/widget-sessions"),
        ["GET /api/v1/agency/widget-origins"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency/widget-origins"),
        ["PUT /api/v1/agency/widget-origins"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency/widget-origins", "{\"origins\":[\"https://neighbour.example\"]}"),
        ["GET /api/v1/agency/widget-snippet"] = new(Expect.OwnDataOnly, _ => "/api/v1/agency/widget-snippet"),
        ["POST /api/v1/webhook-deliveries/{id:guid}/redeliver"] = new(Expect.NotFound, w => $"/api/v1/webhook-deliveries/{w.DeliveryOfA}/redeliver"),
        ["GET /api/v1/campaigns"] = new(Expect.NotFound, w => $"/api/v1/campaigns?subAccountId={w.ClientOfA.SubAccountId}"),
        ["POST /api/v1/campaigns"] = new(Expect.NotFound, _ => "/api/v1/campaigns") { BodyOf = w => $"{{\"name\":\"B campaign\",\"subAccountId\":\"{w.ClientOfA.SubAccountId}\"}}" },
        ["GET /api/v1/campaigns/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/campaigns/{w.CampaignOfA}"),
        ["PATCH /api/v1/campaigns/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/campaigns/{w.CampaignOfA}", "{\"name\":\"Hijacked\"}"),
        ["DELETE /api/v1/campaigns/{id:guid}"] = new(Expect.NotFound, w => $"/api/v1/campaigns/{w.CampaignOfA}"),
        ["POST /api/v1/campaigns/{id:guid}/copy"] = new(Expect.NotFound, w => $"/api/v1/campaigns/{w.CampaignOfA}/copy") { BodyOf = w => $"{{\"targetSubAccountId\":\"{w.ClientOfA.SubAccountId}\"}}" },
        ["POST /api/v1/campaigns/{id:guid}/push"] = new(Expect.NotFound, w => $"/api/v1/campaigns/{w.CampaignOfA}/push", "{\"force\":true}"),
        ["GET /api/v1/campaigns/{id:guid}/versions"] = new(Expect.NotFound, w => $"/api/v1/campaigns/{w.CampaignOfA}/versions"),
        ["POST /api/v1/sub-accounts/{id:guid}/ownership-transfer"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/ownership-transfer", "{}"),
        ["GET /api/v1/sub-accounts/{id:guid}/ownership-transfer"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/ownership-transfer"),
        ["DELETE /api/v1/sub-accounts/{id:guid}/ownership-transfer"] = new(Expect.NotFound, w => $"/api/v1/sub-accounts/{w.ClientOfA.SubAccountId}/ownership-transfer"),
        ["GET /api/v1/ownership-transfers"] = new(Expect.OwnDataOnly, _ => "/api/v1/ownership-transfers"),
        ["POST /api/v1/ownership-transfers/{transferId:guid}/accept"] = new(Expect.NotFound, _ => $"/api/v1/ownership-transfers/{Guid.NewGuid()}/accept"),
        ["POST /api/v1/campaigns/{id:guid}/rollback"] = new(Expect.NotFound, w => $"/api/v1/campaigns/{w.CampaignOfA}/rollback", "{\"version\":1}"),
    };

    [Fact]
    public async Task EveryApiRoute_CalledByAnotherAgency_NeverReachesTheFirstAgencysData()
    {
        var world = await IsolationWorld.BuildAsync(api);
        var failures = new List<string>();
        var victim = await AgencyFootprint.ReadAsync(api.Services, world.A.Slug);
        victim.Rows.Values.ShouldContain(row => row.Contains(IsolationWorld.ThemeMarker), "the footprint reads A's own rows");

        foreach (var route in ApiRoutes())
        {
            if (!Probes.TryGetValue(route, out var probe))
            {
                failures.Add($"{route}: no isolation probe; add one to {nameof(Probes)}");
                continue;
            }
            var (status, body) = await SendAsync(world.B.Client, route, probe, world);
            if (route == "POST /api/v1/agency/api-keys/rotate" && status == HttpStatusCode.OK)
            {
                // B rotated its own key: keep probing with the new one.
                var key = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("apiKey").GetString();
                world.B.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            }
            var leaked = world.Markers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
            var expected = probe.Expect switch
            {
                Expect.NotFound => status == HttpStatusCode.NotFound,
                Expect.PlatformOnly => status == HttpStatusCode.Forbidden,
                _ => status == probe.Status,
            };
            if (!expected) failures.Add($"{route}: agency B got {(int)status} ({body[..Math.Min(200, body.Length)]})");
            if (leaked.Count > 0) failures.Add($"{route}: agency B saw {string.Join(", ", leaked)}");
            var now = await AgencyFootprint.ReadAsync(api.Services, world.A.Slug);
            failures.AddRange(now.ChangesSince(victim).Take(5).Select(change => $"{route}: agency B's call {change}"));
            victim = now;
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    /// <summary>The footprint is not blind: A's own writes through the same routes show up in it, row by row.</summary>
    [Fact]
    public async Task AgencyFootprint_AfterTheAgencyWritesItsOwnData_ShowsEachChange()
    {
        var world = await IsolationWorld.BuildAsync(api);
        var before = await AgencyFootprint.ReadAsync(api.Services, world.A.Slug);

        (await world.A.Client.PatchAsync("/api/v1/agency", Json("{\"displayName\":\"Renamed by A\"}"), Ct)).EnsureSuccessStatusCode();
        (await world.A.Client.DeleteAsync("/api/v1/theme/files/snippets/victim.liquid", Ct)).EnsureSuccessStatusCode();
        (await world.A.Client.PutAsync("/api/v1/agency/widget-origins", Json("{\"origins\":[\"https://a-own.example\"]}"), Ct)).EnsureSuccessStatusCode();
        var after = await AgencyFootprint.ReadAsync(api.Services, world.A.Slug);

        var changes = after.ChangesSince(before);
        changes.ShouldContain(c => c.StartsWith("changed Agencies[", StringComparison.Ordinal) && c.Contains("Renamed by A", StringComparison.Ordinal));
        changes.ShouldContain(c => c.StartsWith("removed ThemeFiles[", StringComparison.Ordinal) && c.Contains(IsolationWorld.ThemeMarker, StringComparison.Ordinal));
        changes.ShouldContain(c => c.StartsWith("added WidgetOrigins[", StringComparison.Ordinal) && c.Contains("https://a-own.example", StringComparison.Ordinal));
        (await AgencyFootprint.ReadAsync(api.Services, world.A.Slug)).ChangesSince(after)
            .ShouldBeEmpty("two readings with no write in between are equal");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task EveryApiRoute_WithAForgedOrRotatedKey_Answers401()
    {
        var world = await IsolationWorld.BuildAsync(api);
        var oldKey = world.A.ApiKey;
        (await world.A.Client.PostAsync("/api/v1/agency/api-keys/rotate", null, Ct)).EnsureSuccessStatusCode();
        var failures = new List<string>();

        foreach (var route in ApiRoutes())
        {
            var probe = Probes.GetValueOrDefault(route) ?? new Probe(Expect.NotFound, _ => route.Split(' ')[1]);
            foreach (var key in new[] { "rk_agency_forged_0000000000000000000000000000000", oldKey })
            {
                var (status, _) = await SendAsync(api.WithKey(key), route, probe, world);
                if (status != HttpStatusCode.Unauthorized) failures.Add($"{route} with {(key == oldKey ? "a rotated" : "a forged")} key: {(int)status}");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    private IEnumerable<string> ApiRoutes() => ApiEndpoint.All(api.Services).Select(e => e.Route);

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string route, Probe probe, IsolationWorld world)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Split(' ')[0]), probe.Path(world));
        var body = probe.BodyOf?.Invoke(world) ?? probe.Body;
        if (body is not null || request.Method != HttpMethod.Get && request.Method != HttpMethod.Delete)
        {
            request.Content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json");
        }
        var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
