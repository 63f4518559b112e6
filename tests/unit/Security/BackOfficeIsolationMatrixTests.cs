using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Every back-office page, found by reflection over the Razor components' routes, opened by agency B's owner and by
/// a client of agency A. A page with no probe fails the test.
/// </summary>
public sealed class BackOfficeIsolationMatrixTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private enum Expect { Public, AgencyOnly, ClientOnly, PlatformOnly, AgencyResource, Anyone }

    private sealed record Probe(Expect Expect, Func<IsolationWorld, string> Path);

    private static readonly Dictionary<string, Probe> Probes = new(StringComparer.Ordinal)
    {
        ["/admin"] = new(Expect.Anyone, _ => "/admin"),
        ["/admin/login"] = new(Expect.Public, _ => "/admin/login"),
        ["/admin/forgot-password"] = new(Expect.Public, _ => "/admin/forgot-password"),
        ["/admin/reset-password"] = new(Expect.Public, _ => "/admin/reset-password"),
        ["/admin/accept-invite"] = new(Expect.Public, _ => "/admin/accept-invite"),
        ["/admin/denied"] = new(Expect.Public, _ => "/admin/denied"),
        ["/admin/not-found"] = new(Expect.Public, _ => "/admin/not-found"),
        ["/admin/form-not-on-page"] = new(Expect.Public, _ => "/admin/form-not-on-page"),
        ["/admin/account/password"] = new(Expect.Anyone, _ => "/admin/account/password"),
        ["/admin/connections/respond"] = new(Expect.Anyone, _ => "/admin/connections/respond?token=cr_nothing"),
        ["/admin/ownership/accept"] = new(Expect.Anyone, _ => "/admin/ownership/accept?token=ot_nothing"),
        ["/admin/sub-accounts"] = new(Expect.AgencyOnly, _ => "/admin/sub-accounts"),
        ["/admin/sub-accounts/{Id:guid}"] = new(Expect.AgencyResource, w => $"/admin/sub-accounts/{w.ClientOfA.SubAccountId}"),
        ["/admin/connections"] = new(Expect.AgencyOnly, _ => "/admin/connections"),
        ["/admin/plans"] = new(Expect.AgencyOnly, _ => "/admin/plans"),
        ["/admin/campaigns"] = new(Expect.AgencyOnly, _ => "/admin/campaigns"),
        ["/admin/campaigns/{Id:guid}"] = new(Expect.AgencyResource, w => $"/admin/campaigns/{w.CampaignOfA}"),
        ["/admin/purchases"] = new(Expect.AgencyOnly, _ => "/admin/purchases"),
        ["/admin/transactions"] = new(Expect.AgencyOnly, w => $"/admin/transactions?subAccountId={w.ClientOfA.SubAccountId}"),
        ["/admin/packs"] = new(Expect.AgencyOnly, _ => "/admin/packs"),
        ["/admin/theme"] = new(Expect.AgencyOnly, _ => "/admin/theme?file=snippets/victim.liquid"),
        ["/admin/settings"] = new(Expect.AgencyOnly, _ => "/admin/settings"),
        ["/admin/team"] = new(Expect.AgencyOnly, _ => "/admin/team"),
        ["/admin/audit"] = new(Expect.AgencyOnly, _ => "/admin/audit"),
        ["/admin/webhooks"] = new(Expect.AgencyOnly, _ => "/admin/webhooks"),
        ["/admin/api-keys"] = new(Expect.AgencyOnly, _ => "/admin/api-keys"),
        ["/admin/widget"] = new(Expect.AgencyOnly, _ => "/admin/widget"),
        ["/admin/agencies"] = new(Expect.ClientOnly, _ => "/admin/agencies"),
        ["/admin/access-log"] = new(Expect.ClientOnly, _ => "/admin/access-log"),
        ["/admin/my-campaigns"] = new(Expect.ClientOnly, _ => "/admin/my-campaigns"),
        ["/admin/my-campaigns/{Id:guid}"] = new(Expect.ClientOnly, w => $"/admin/my-campaigns/{w.CampaignOfA}"),
        ["/admin/platform/prices"] = new(Expect.PlatformOnly, _ => "/admin/platform/prices"),
        ["/admin/platform/clients"] = new(Expect.PlatformOnly, _ => "/admin/platform/clients"),
        ["/admin/platform/security"] = new(Expect.PlatformOnly, _ => "/admin/platform/security"),
        ["/admin/account/two-factor"] = new(Expect.Anyone, _ => "/admin/account/two-factor"),
        ["/admin/login/code"] = new(Expect.Public, _ => "/admin/login/code"),
    };

    [Fact]
    public async Task EveryBackOfficePage_OpenedByAnotherAgencyOrAClient_ShowsNothingOfTheAgency()
    {
        var world = await IsolationWorld.BuildAsync(api);
        var neighbour = await IsolationWorld.SignInBackOfficeAsync(api, world.OwnerEmailOfB, world.PasswordOfB);
        var client = await IsolationWorld.SignInBackOfficeAsync(api, world.ClientOfA.Email, world.ClientOfA.Password);
        var failures = new List<string>();

        foreach (var route in PageRoutes())
        {
            if (!Probes.TryGetValue(route, out var probe))
            {
                failures.Add($"{route}: no isolation probe; add one to {nameof(Probes)}");
                continue;
            }
            var (neighbourStatus, neighbourHtml) = await neighbour.GetAsync(probe.Path(world));
            var (clientStatus, _) = await client.GetAsync(probe.Path(world));
            var leaked = world.Markers.Where(m => neighbourHtml.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
            if (leaked.Count > 0) failures.Add($"{route}: agency B saw {string.Join(", ", leaked)}");
            var (neighbourOk, clientOk) = probe.Expect switch
            {
                Expect.AgencyResource => (neighbourStatus == HttpStatusCode.NotFound, clientStatus == HttpStatusCode.Forbidden),
                Expect.AgencyOnly => (neighbourStatus == HttpStatusCode.OK, clientStatus == HttpStatusCode.Forbidden),
                Expect.ClientOnly => (neighbourStatus == HttpStatusCode.Forbidden, clientStatus == HttpStatusCode.OK),
                Expect.PlatformOnly => (neighbourStatus == HttpStatusCode.Forbidden, clientStatus == HttpStatusCode.Forbidden),
                _ => ((int)neighbourStatus < 500, (int)clientStatus < 500),
            };
            if (!neighbourOk) failures.Add($"{route}: agency B's owner got {(int)neighbourStatus}");
            if (!clientOk) failures.Add($"{route}: a client of A got {(int)clientStatus}");
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public async Task BackOfficePage_WhenSignedOut_RedirectsToSignIn()
    {
        var (status, _) = await Browser.Open(api).GetAsync("/admin/sub-accounts");

        status.ShouldBe(HttpStatusCode.Redirect);
    }

    private static IEnumerable<string> PageRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(t => t.StartsWith("/admin", StringComparison.Ordinal))
            .Distinct().Order();
}
