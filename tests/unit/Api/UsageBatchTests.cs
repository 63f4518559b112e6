using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary><c>POST /api/v1/usage/batch</c>: per-event results in request order, each event applied once, refusals on their own.</summary>
public sealed class UsageBatchTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Batch_AnUnaffordableEventBesideAnAffordableOne_RefusesOneAndAppliesTheOther()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        var results = await (await agency.Client.PostBatchAsync([new("too-much", subAccount, 500), new("fits", subAccount, 60)])).ResultsAsync();

        results.Select(r => r.GetProperty("id").GetString()).ShouldBe(["too-much", "fits"]);
        results[0].Status().ShouldBe("refused");
        results[0].Code().ShouldBe("insufficient_credits");
        results[1].Status().ShouldBe("applied");
        results[1].Transaction().ShouldNotBeNull();
        (await agency.PoolBalanceAsync()).ShouldBe(40);
    }

    [Fact]
    public async Task Batch_Of1001Events_Answers400AndAppliesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 10_000);
        var subAccount = await agency.CreateSubAccountAsync();

        var response = await agency.Client.PostBatchAsync(Enumerable.Range(0, 1001).Select(i => new BatchEvent($"e-{i}", subAccount, 1)));

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await agency.PoolBalanceAsync()).ShouldBe(10_000);
    }

    [Fact]
    public async Task Batch_Of1000Events_AppliesEveryOne()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 10_000);
        var subAccount = await agency.CreateSubAccountAsync();

        var results = await (await agency.Client.PostBatchAsync(Enumerable.Range(0, 1000).Select(i => new BatchEvent($"e-{i}", subAccount, 3)))).ResultsAsync();

        results.Count.ShouldBe(1000);
        results.ShouldAllBe(r => r.Status() == "applied");
        (await agency.PoolBalanceAsync()).ShouldBe(7_000);
    }

    [Fact]
    public async Task Batch_WithTheSameIdTwice_AnswersTheSecondAsADuplicateOfTheFirst()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        var results = await (await agency.Client.PostBatchAsync([new("twice", subAccount, 10), new("twice", subAccount, 10)])).ResultsAsync();

        results[0].Status().ShouldBe("applied");
        results[1].Status().ShouldBe("duplicate");
        results[1].Transaction().ShouldBe(results[0].Transaction());
        (await agency.PoolBalanceAsync()).ShouldBe(90);
    }

    [Fact]
    public async Task Batch_WithNegativeCreditsInOneEvent_RefusesThatEventAndAppliesTheOthers()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        var results = await (await agency.Client.PostBatchAsync([new("a", subAccount, 5), new("negative", subAccount, -5), new("b", subAccount, 7)])).ResultsAsync();

        results.Select(r => r.Status()).ShouldBe(["applied", "refused", "applied"]);
        results[1].Code().ShouldBe("validation_failed");
        (await agency.PoolBalanceAsync()).ShouldBe(88);
    }

    [Fact]
    public async Task Batch_NamingAnotherAgencysSubAccount_RefusesItNotFound()
    {
        var agency = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        await api.GrantPoolAsync(other, 100);
        var mine = await agency.CreateSubAccountAsync();
        var theirs = await other.CreateSubAccountAsync();

        var results = await (await agency.Client.PostBatchAsync([new("theirs", theirs, 5), new("mine", mine, 5)])).ResultsAsync();

        results[0].Status().ShouldBe("refused");
        results[0].Code().ShouldBe("not_found");
        results[1].Status().ShouldBe("applied");
        (await other.PoolBalanceAsync()).ShouldBe(100);
    }

    [Fact]
    public async Task Batch_RetriedWhole_AnswersEveryAppliedEventAsADuplicateWithItsFirstTransaction()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        BatchEvent[] events = [new("r-1", subAccount, 10), new("r-2", subAccount, 20)];
        var first = await (await agency.Client.PostBatchAsync(events)).ResultsAsync();

        var retry = await (await agency.Client.PostBatchAsync(events)).ResultsAsync();

        retry.Select(r => r.Status()).ShouldBe(["duplicate", "duplicate"]);
        retry.Select(r => r.Transaction()).ShouldBe(first.Select(r => r.Transaction()));
        (await agency.PoolBalanceAsync()).ShouldBe(70);
    }

    [Fact]
    public async Task Batch_EventIdUsedBeforeForAnotherDebit_IsRefusedAsAReusedKey()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        await agency.Client.PostBatchAsync([new("msg-1", subAccount, 10)]);

        var results = await (await agency.Client.PostBatchAsync([new("msg-1", subAccount, 11)])).ResultsAsync();

        results[0].Status().ShouldBe("refused");
        results[0].Code().ShouldBe("idempotency_key_reused");
        (await agency.PoolBalanceAsync()).ShouldBe(90);
    }

    [Fact]
    public async Task Batch_EventIdUsedBeforeAsTheSingleRoutesKey_IsADuplicateOfThatDebit()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var single = await (await agency.Client.UsageAsync(subAccount, 10, "host-msg-7")).ExpectAsync(HttpStatusCode.Created);

        var results = await (await agency.Client.PostBatchAsync([new("host-msg-7", subAccount, 10)])).ResultsAsync();

        results[0].Status().ShouldBe("duplicate");
        results[0].Transaction().ShouldBe(single.GetProperty("transactionId").GetString());
        (await agency.PoolBalanceAsync()).ShouldBe(90);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"events\":{}}")]
    [InlineData("{\"events\":[]}")]
    [InlineData("{\"events\":[1,2]}")]
    [InlineData("{\"events\":null}")]
    public async Task Batch_WithAMalformedEnvelope_Answers400(string json)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostBatchJsonAsync(json);

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Batch_WithBadFieldsInOneEvent_RefusesOnlyThatEvent()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var json = JsonSerializer.Serialize(new object[]
        {
            new { id = "no-such-id", subAccountId = "not-a-guid", credits = 1 },
            new { id = "text-credits", subAccountId = subAccount, credits = "5" },
            new { subAccountId = subAccount, credits = 1 },
            new { id = "good", subAccountId = subAccount, credits = 4 },
        });

        var results = await (await agency.Client.PostBatchJsonAsync($"{{\"events\":{json}}}")).ResultsAsync();

        results.Select(r => r.Status()).ShouldBe(["refused", "refused", "refused", "applied"]);
        results.Take(3).ShouldAllBe(r => r.Code() == "validation_failed");
        (await agency.PoolBalanceAsync()).ShouldBe(96);
    }

    [Fact]
    public async Task Batch_WithAnIdempotencyKey_ReplaysTheFirstAnswerByteForByte()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        BatchEvent[] events = [new("k-1", subAccount, 10), new("k-2", subAccount, 500)];

        var first = await agency.Client.PostBatchAsync(events, "batch-key-1");
        var again = await agency.Client.PostBatchAsync(events, "batch-key-1");

        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await agency.PoolBalanceAsync()).ShouldBe(90);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheBatchRouteAndItsResults()
    {
        var document = await (await api.CreateClient().GetAsync("/openapi/v1.json", Ct)).ExpectAsync(HttpStatusCode.OK);

        document.GetProperty("paths").GetProperty("/api/v1/usage/batch").GetProperty("post").GetProperty("responses").TryGetProperty("200", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("schemas").TryGetProperty("UsageBatchResult", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Batch_WithThePlatformKey_DebitsAnyAgencysSubAccounts()
    {
        var a = await api.CreateAgencyAsync();
        var b = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(a, 100);
        await api.GrantPoolAsync(b, 100);

        var results = await (await api.Platform().PostBatchAsync(
            [new("p-1", await a.CreateSubAccountAsync(), 10), new("p-2", await b.CreateSubAccountAsync(), 20)])).ResultsAsync();

        results.ShouldAllBe(r => r.Status() == "applied");
        (await a.PoolBalanceAsync()).ShouldBe(90);
        (await b.PoolBalanceAsync()).ShouldBe(80);
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }
}
