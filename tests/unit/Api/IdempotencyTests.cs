using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

public sealed class IdempotencyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Usage_RetriedWithSameKeyAndBody_ReplaysTheIdenticalResponseAndDebitsOnce()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        var first = await agency.Client.UsageAsync(subAccount, 30, "retry-me");
        var second = await agency.Client.UsageAsync(subAccount, 30, "retry-me");

        second.StatusCode.ShouldBe(first.StatusCode);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await agency.PoolBalanceAsync()).ShouldBe(70);
    }

    [Fact]
    public async Task Usage_SameKeyWithDifferentBody_Answers409IdempotencyKeyReused()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        await agency.Client.UsageAsync(subAccount, 30, "one-key");

        var reused = await agency.Client.UsageAsync(subAccount, 31, "one-key");

        await reused.ExpectProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        (await agency.PoolBalanceAsync()).ShouldBe(70);
    }

    [Fact]
    public async Task Usage_RefusedFirstTime_ReplaysTheRefusalEvenAfterCreditsArrive()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync();
        var first = await agency.Client.UsageAsync(subAccount, 30, "too-early");
        await api.GrantPoolAsync(agency, 100);

        var retry = await agency.Client.UsageAsync(subAccount, 30, "too-early");

        await first.ExpectProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");
        await retry.ExpectProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");
        (await agency.PoolBalanceAsync()).ShouldBe(100);
    }

    [Fact]
    public async Task Keys_OfTwoAgencies_DoNotCollide()
    {
        var a = await api.CreateAgencyAsync();
        var b = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(a, 100);
        await api.GrantPoolAsync(b, 100);

        (await a.Client.UsageAsync(await a.CreateSubAccountAsync(), 10, "order-1")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await b.Client.UsageAsync(await b.CreateSubAccountAsync(), 20, "order-1")).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await a.PoolBalanceAsync()).ShouldBe(90);
        (await b.PoolBalanceAsync()).ShouldBe(80);
    }

    [Fact]
    public async Task CreateSubAccount_RetriedWithSameKey_CreatesOneAccount()
    {
        var agency = await api.CreateAgencyAsync();
        var body = new { name = "Retry Co", email = "retry@example.com", creditMode = "shared" };

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sub-accounts") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "create-retry-co");
            responses.Add(await agency.Client.SendAsync(request, Ct));
        }

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var list = await (await agency.Client.GetAsync("/api/v1/sub-accounts", Ct)).ExpectAsync(HttpStatusCode.OK);
        list.GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Key_LongerThan255Characters_Answers400()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.UsageAsync(await agency.CreateSubAccountAsync(), 1, new string('k', 256));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _).ShouldBeTrue();
    }
}
