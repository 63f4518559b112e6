using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>A feature a plan switches off is refused by the server (403 forbidden), not just hidden.</summary>
public sealed class FeatureGateTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Usage_ByTheAgencyWithApiAccessOff_Answers403_ButThePlatformStillMeters()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync("shared");
        await AssignPlanAsync(agency, subAccount, Features.All & ~Features.ApiAccess);

        var byAgency = await agency.Client.UsageAsync(subAccount, 5);
        var byPlatform = await api.Platform().UsageAsync(subAccount, 5);

        (await byAgency.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden")).GetProperty("detail").GetString()!.ShouldContain("API access");
        byPlatform.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await agency.PoolBalanceAsync()).ShouldBe(95);
    }

    [Fact]
    public async Task SwitchToReselling_WithResellingOff_Answers403()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("shared");
        await AssignPlanAsync(agency, subAccount, Features.All & ~Features.Reselling);

        var response = await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new { creditMode = "reselling" }, Ct);

        (await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden")).GetProperty("detail").GetString()!.ShouldContain("Reselling");
    }

    [Fact]
    public async Task PerAccountOverride_SwitchesAFeatureBackOn()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("shared");
        await AssignPlanAsync(agency, subAccount, Features.All & ~Features.Reselling, on: Features.Reselling);

        var response = await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new { creditMode = "reselling" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Plan_BeyondWhatThePlatformGrants_IsRefused()
    {
        var agency = await api.CreateAgencyAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var agencies = scope.ServiceProvider.GetRequiredService<ResellerKit.Engine.Agencies.ManageAgencies>();
        await agencies.GrantFeaturesAsync(AgencyId.From(Guid.Parse(agency.Id)), Features.All & ~Features.Widget, Actor.Platform, Ct);

        var plan = await scope.ServiceProvider.GetRequiredService<ManagePlans>().SaveAsync(AgencyId.From(Guid.Parse(agency.Id)), null, "Everything", Features.All, Actor.System, Ct);

        plan.Error.ShouldBeOfType<ResellerKit.Engine.Common.Forbidden>().Detail.ShouldContain("Widget");
    }

    private async Task AssignPlanAsync(TestAgency agency, string subAccount, Features features, Features on = Features.None)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<ManagePlans>();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        var plan = (await plans.SaveAsync(agencyId, null, $"Plan {Guid.NewGuid():N}"[..20], features, Actor.System, Ct)).Value;
        (await plans.AssignAsync(Tenant.Of(agencyId), SubAccountId.From(Guid.Parse(subAccount)), plan.Id, on, Features.None, Actor.System, Ct)).IsSuccess.ShouldBeTrue();
    }
}
