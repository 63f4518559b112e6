using System.Net;
using System.Net.Http.Json;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>Issue 16: plans (tiers) through the API, and putting a sub-account on one with PATCH { planId }.</summary>
public sealed class PlanTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task CreatePlan_NameAndFeatures_IsListedWithItsFeatures()
    {
        var agency = await api.CreateAgencyAsync();

        var created = await (await agency.Client.PostAsJsonAsync("/api/v1/plans",
            new { name = "Basic", features = new[] { "widget", "api_access" } }, Ct)).ExpectAsync(HttpStatusCode.Created);
        var listed = await (await agency.Client.GetAsync("/api/v1/plans", Ct)).ExpectAsync(HttpStatusCode.OK);

        created.GetProperty("name").GetString().ShouldBe("Basic");
        var plan = listed.GetProperty("data").EnumerateArray().ShouldHaveSingleItem();
        plan.GetProperty("id").GetString().ShouldBe(created.GetProperty("id").GetString());
        plan.GetProperty("features").EnumerateArray().Select(f => f.GetString()).ShouldBe(["widget", "api_access"]);
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"features\":[]}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"name\":\"Pro\"}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"name\":\"Pro\",\"features\":[\"teleport\"]}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"name\":\"Taken\",\"features\":[]}", HttpStatusCode.Conflict, "conflict")]
    public async Task CreatePlan_InvalidOrDuplicate_AnswersAStableCode(string body, HttpStatusCode status, string code)
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PostAsJsonAsync("/api/v1/plans", new { name = "Taken", features = Array.Empty<string>() }, Ct)).EnsureSuccessStatusCode();

        var response = await agency.Client.PostAsync("/api/v1/plans", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await response.ExpectProblemAsync(status, code);
    }

    [Fact]
    public async Task CreatePlan_RetriedWithTheSameIdempotencyKey_CreatesOnePlan()
    {
        var agency = await api.CreateAgencyAsync();
        var ids = new List<string?>();

        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans") { Content = JsonContent.Create(new { name = "Retry", features = new[] { "reports" } }) };
            request.Headers.Add("Idempotency-Key", "plan-retry");
            ids.Add((await (await agency.Client.SendAsync(request, Ct)).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString());
        }

        ids.Distinct().ShouldHaveSingleItem();
        (await (await agency.Client.GetAsync("/api/v1/plans", Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task PatchSubAccount_PlanId_AssignsThePlanAndNullClearsIt()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync();
        var plan = (await (await agency.Client.PostAsJsonAsync("/api/v1/plans", new { name = "Widget only", features = new[] { "widget" } }, Ct))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var assigned = await (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new { planId = plan }, Ct)).ExpectAsync(HttpStatusCode.OK);
        var balanceOff = await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}/balance", Ct);
        var cleared = await (await agency.Client.PatchAsync($"/api/v1/sub-accounts/{subAccount}",
            new StringContent("{\"planId\":null}", Encoding.UTF8, "application/json"), Ct)).ExpectAsync(HttpStatusCode.OK);
        var balanceOn = await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}/balance", Ct);

        assigned.GetProperty("planId").GetString().ShouldBe(plan);
        await balanceOff.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden"); // the plan switches API access off
        cleared.GetProperty("planId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        balanceOn.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PatchSubAccount_AnotherAgencysPlan_Answers404AndKeepsThePlan()
    {
        var agency = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync();
        var theirs = (await (await other.Client.PostAsJsonAsync("/api/v1/plans", new { name = "Theirs", features = Array.Empty<string>() }, Ct))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var response = await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new { planId = theirs }, Ct);
        var after = await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        after.GetProperty("planId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Plans_WithThePlatformKey_AreRefused()
    {
        var response = await api.Platform().GetAsync("/api/v1/plans", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
