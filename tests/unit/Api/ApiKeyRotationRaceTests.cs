using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Replacements of an agency's key at the same moment (a double click on "Issue a new key", two scripts) leave exactly
/// one key working: the last one issued, which its caller was shown. None leaves a second new key working unseen.
/// </summary>
public abstract class ApiKeyRotationRaceTests(ApiFixture api)
{
    [Fact]
    public async Task Rotate_SixTimesAtOnce_LeavesOneWorkingKey()
    {
        var agency = await api.CreateAgencyAsync();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));

        var issued = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RotateAgencyApiKey>().HandleAsync(agencyId, Actor.Platform, Ct);
            return result.Value;
        }));

        var working = 0;
        foreach (var key in issued)
        {
            if ((await api.WithKey(key).GetAsync("/api/v1/agency", Ct)).StatusCode == HttpStatusCode.OK) working++;
        }
        working.ShouldBe(1);
        await using var check = api.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<EngineDbContext>();
        (await db.ApiKeys.CountAsync(k => k.AgencyId == agencyId && k.RevokedAt == null, Ct)).ShouldBe(1);
    }
}

public sealed class ApiKeyRotationRaceTestsOnSqlite(SqliteApi api) : ApiKeyRotationRaceTests(api), IClassFixture<SqliteApi>;

public sealed class ApiKeyRotationRaceTestsOnPostgres(PostgresApi api) : ApiKeyRotationRaceTests(api), IClassFixture<PostgresApi>;
