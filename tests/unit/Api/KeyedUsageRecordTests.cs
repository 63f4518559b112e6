using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// A usage debit the single route applied under an Idempotency-Key keeps that key's record on its own ledger
/// transaction (the request's hash), not in a separate stored reply: a retry with the same body replays the first
/// answer byte for byte, another body under the key is refused, and concurrent twins apply once.
/// </summary>
public abstract class KeyedUsageRecordTests(ApiFixture api)
{
    [Fact]
    public async Task Usage_AppliedWithAKey_KeepsTheKeysRecordOnItsTransactionAlone()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var key = $"reply-{Guid.NewGuid():N}";

        var first = await UsageAsync(agency, subAccount, 30, "AI replies", key);
        var retry = await UsageAsync(agency, subAccount, 30, "AI replies", key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await agency.PoolBalanceAsync()).ShouldBe(70);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        (await db.IdempotencyRecords.CountAsync(r => r.Key == key, Ct)).ShouldBe(0);
        (await db.LedgerTransactions.Where(t => t.IdempotencyKey == key).Select(t => t.RequestHash).SingleAsync(Ct)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Usage_SameKeyAndCreditsWithAnotherDescription_Answers409AndDebitsOnce()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var key = $"body-{Guid.NewGuid():N}";
        await (await UsageAsync(agency, subAccount, 30, "AI replies", key)).ExpectAsync(HttpStatusCode.Created);

        var reused = await UsageAsync(agency, subAccount, 30, "Campaign sends", key);

        await reused.ExpectProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        (await agency.PoolBalanceAsync()).ShouldBe(70);
    }

    [Fact]
    public async Task Usage_TwelveConcurrentRequestsWithOneKey_DebitOnceAndAnswerTheSameBody()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var key = $"twins-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => UsageAsync(agency, subAccount, 7, "AI replies", key)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync(Ct)));
        bodies.Distinct().Count().ShouldBe(1);
        (await agency.PoolBalanceAsync()).ShouldBe(93);
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Usage_KeyOfAnAppliedDebitSentToOtherRoutes_Answers409ThereAndTheDebitsRetryStillReplays()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var key = $"routes-{Guid.NewGuid():N}";
        var first = await UsageAsync(agency, subAccount, 30, "AI replies", key);

        var batch = await agency.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/usage/batch")
        {
            Content = JsonContent.Create(new { events = new[] { new { id = $"event-{Guid.NewGuid():N}", subAccountId = subAccount, credits = 1 } } }),
            Headers = { { "Idempotency-Key", key } },
        }, Ct);
        var created = await agency.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/sub-accounts")
        {
            Content = JsonContent.Create(new { name = "Second client", email = $"second-{Guid.NewGuid():N}@example.com" }),
            Headers = { { "Idempotency-Key", key } },
        }, Ct);
        var retry = await UsageAsync(agency, subAccount, 30, "AI replies", key);

        await batch.ExpectProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        await created.ExpectProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        (await agency.PoolBalanceAsync()).ShouldBe(70);
    }

    [Fact]
    public async Task Usage_KeyFirstAppliedAsABatchEventThenSentAlone_ReplaysTheSameDebitAndRefusesAnotherDescription()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var key = $"event-{Guid.NewGuid():N}";
        var batch = await agency.Client.PostAsJsonAsync("/api/v1/usage/batch",
            new { events = new[] { new { id = key, subAccountId = subAccount, credits = 30, description = "AI replies" } } }, Ct);
        await batch.ExpectAsync(HttpStatusCode.OK);

        var same = await UsageAsync(agency, subAccount, 30, "AI replies", key);
        var other = await UsageAsync(agency, subAccount, 30, "Campaign sends", key);

        same.StatusCode.ShouldBe(HttpStatusCode.Created);
        same.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        await other.ExpectProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        (await agency.PoolBalanceAsync()).ShouldBe(70);
    }

    [Fact]
    public async Task Usage_KeyOfABatchEventSentAloneWithItsMetadataLaidOutAnotherWay_ReplaysTheSameDebit()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var key = $"event-{Guid.NewGuid():N}";
        await (await agency.Client.PostBatchJsonAsync(
            $$$"""{"events":[{"id":"{{{key}}}","subAccountId":"{{{subAccount}}}","credits":30,"metadata":{"model":"gpt","tokens":1200,"tag":"é"}}]}""")).ResultsAsync();

        var retry = await agency.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccount}/usage")
        {
            Content = new StringContent("{\n  \"credits\": 30,\n  \"metadata\": {\n    \"tag\": \"\\u00e9\",\n    \"tokens\": 1200,\n    \"model\": \"gpt\"\n  }\n}",
                System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", key } },
        }, Ct);

        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync(Ct));
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await agency.PoolBalanceAsync()).ShouldBe(70);
    }

    private static Task<HttpResponseMessage> UsageAsync(TestAgency agency, string subAccountId, long credits, string description, string key) =>
        agency.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccountId}/usage")
        {
            Content = JsonContent.Create(new { credits, description }),
            Headers = { { "Idempotency-Key", key } },
        }, Ct);
}

public sealed class KeyedUsageRecordTestsOnSqlite(SqliteApi api) : KeyedUsageRecordTests(api), IClassFixture<SqliteApi>;

public sealed class KeyedUsageRecordTestsOnPostgres(PostgresApi api) : KeyedUsageRecordTests(api), IClassFixture<PostgresApi>;
