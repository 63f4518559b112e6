using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>API keys are checked against a short-lived cache that a rotation or revocation anywhere clears at once.</summary>
public sealed class ApiKeyCacheTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task ApiKey_RotatedOnAnotherNode_StopsWorkingAtOnceOnThisNode()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.GetAsync("/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK); // cached on this node now
        await using var otherNode = api.WithWebHostBuilder(_ => { });
        var other = otherNode.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agency.ApiKey);

        var rotated = await other.PostAsync("/api/v1/agency/api-keys/rotate", null, Ct);

        rotated.IsSuccessStatusCode.ShouldBeTrue(await rotated.Content.ReadAsStringAsync(Ct));
        await (await agency.Client.GetAsync("/api/v1/agency", Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ApiKey_RevokedThroughAnotherUnitOfWork_IsRefusedOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.GetAsync("/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        var key = await db.ApiKeys.SingleAsync(k => k.AgencyId == agencyId, Ct);

        key.Revoke(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct); // a tracked change: the stamp moves in the same SaveChanges

        await (await agency.Client.GetAsync("/api/v1/agency", Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
