using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// A keyed POST whose answer holds a secret shown once (a new agency's API key, a rotated key) keeps that answer
/// encrypted in its Idempotency-Key record: the database never holds the key in the clear, and a retry with the
/// Idempotency-Key still gets the first answer, key included (where the caller's own key still works).
/// </summary>
public abstract class SecretReplyTests(ApiFixture api)
{
    [Fact]
    public async Task RotateKey_WithAnIdempotencyKey_StoresNoKeyInTheClear()
    {
        var agency = await api.CreateAgencyAsync();
        var key = $"rotate-{Guid.NewGuid():N}";

        var rotated = await PostAsync(agency.Client, "/api/v1/agency/api-keys/rotate", null, key);

        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var newKey = (await rotated.Content.ReadFromJsonAsync<Dictionary<string, string>>(Ct))!["apiKey"];
        (await api.WithKey(newKey).GetAsync("/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredReplyAsync(key)).ShouldNotContain(newKey);
        // A retry under the old key is refused before its record is read: that key stopped working.
        (await PostAsync(agency.Client, "/api/v1/agency/api-keys/rotate", null, key)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateAgency_WithAnIdempotencyKey_StoresNoKeyInTheClearAndReplaysTheFirstAnswer()
    {
        var key = $"create-{Guid.NewGuid():N}";
        var slug = $"secret-{Guid.NewGuid():N}"[..20];
        var request = new { name = "Secret Agency", slug, ownerEmail = "owner@secret.example" };

        var first = await PostAsync(api.Platform(), "/api/v1/agencies", request, key);
        var retry = await PostAsync(api.Platform(), "/api/v1/agencies", request, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var apiKey = (await first.Content.ReadFromJsonAsync<Dictionary<string, object>>(Ct))!["apiKey"].ToString()!;
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        (await StoredReplyAsync(key)).ShouldNotContain(apiKey);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    // The stored answer of the key's record, read as text (as anyone with the database would).
    private async Task<string> StoredReplyAsync(string key)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var stored = await db.IdempotencyRecords.Where(r => r.Key == key).Select(r => r.ResponseBody).SingleAsync(Ct);
        stored.ShouldNotBeEmpty();
        return Encoding.UTF8.GetString(stored);
    }
}

public sealed class SecretReplyTestsOnSqlite(SqliteApi api) : SecretReplyTests(api), IClassFixture<SqliteApi>;

public sealed class SecretReplyTestsOnPostgres(PostgresApi api) : SecretReplyTests(api), IClassFixture<PostgresApi>;
