using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Two platform requests create agencies with one slug at once, each with its own Idempotency-Key (two operators, or
/// a retry with a fresh key). One agency is created; the other request hears 409 on the slug field, never a 500.
/// </summary>
public abstract class AgencySlugRaceTests(ApiFixture api)
{
    private const int Rounds = 8;

    [Fact]
    public async Task CreateAgency_TwoKeyedRequestsForOneSlugAtOnce_OneIs201TheOther409()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var slug = "race-" + Guid.NewGuid().ToString("N")[..8];

            var answers = await Task.WhenAll(CreateAsync(slug), CreateAsync(slug));

            answers.Select(a => a.StatusCode).Order().ToArray().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict], $"round {round}");
            var problem = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
            problem.GetProperty("errors").TryGetProperty("slug", out _).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task CreateAgency_WithTheHouseSlug_Answers400InWords()
    {
        var response = await api.Platform().PostAsJsonAsync("/api/v1/agencies", new { name = "Direct", slug = "direct", ownerEmail = "a@direct.example" }, cancellationToken: Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("slug")[0].GetString().ShouldBe("The slug 'direct' is reserved for the platform's own clients; choose another.");
    }

    private async Task<HttpResponseMessage> CreateAsync(string slug)
    {
        await Task.Yield();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies")
        {
            Content = JsonContent.Create(new { name = "Race Agency", slug, ownerEmail = $"owner@{slug}.example" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await api.Platform().SendAsync(request, Ct);
    }
}

public sealed class AgencySlugRaceTestsOnSqlite(SqliteApi api) : AgencySlugRaceTests(api), IClassFixture<SqliteApi>;

public sealed class AgencySlugRaceTestsOnPostgres(PostgresApi api) : AgencySlugRaceTests(api), IClassFixture<PostgresApi>;
