using System.Net;
using System.Net.Http.Json;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>Bad input gets a clear 4xx with a stable code, never a 500, and moves no credits.</summary>
public sealed class ValidationTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("{\"credits\":0}", "credits")]
    [InlineData("{\"credits\":-7}", "credits")]
    [InlineData("{\"credits\":9223372036854775807}", "credits")]
    [InlineData("{\"credits\":9223372036854775808}", "credits")]
    [InlineData("{\"credits\":99999999999999999999999}", "credits")]
    [InlineData("{\"credits\":1.5}", "credits")]
    [InlineData("{\"credits\":\"10\"}", "credits")]
    [InlineData("{}", "credits")]
    [InlineData("{\"credits\":5,\"metadata\":[1,2]}", "metadata")]
    [InlineData("{\"credits\":5,", "body")]
    [InlineData("not json at all", "body")]
    [InlineData("[]", "body")]
    public async Task Usage_WithInvalidBody_Answers400NamingTheFieldAndMovesNothing(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        var response = await agency.Client.PostAsync($"/api/v1/sub-accounts/{subAccount}/usage",
            new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors should name '{field}': {problem}");
        (await agency.PoolBalanceAsync()).ShouldBe(100);
    }

    [Theory]
    [InlineData("{\"credits\":0,\"reason\":\"x\"}", "credits")]
    [InlineData("{\"credits\":-1}", "credits")]
    [InlineData("{\"credits\":1000000000001}", "credits")]
    [InlineData("{\"credits\":5,\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "expiresAt")]
    [InlineData("{\"credits\":5,\"expiresAt\":\"soon\"}", "expiresAt")]
    public async Task PoolGrant_WithInvalidBody_Answers400AndGrantsNothing(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await api.Platform().PostAsync($"/api/v1/agencies/{agency.Id}/grants", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors should name '{field}': {problem}");
        (await agency.PoolBalanceAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Usage_OfUnknownSubAccount_Answers404()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.UsageAsync(Guid.NewGuid().ToString(), 5);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Usage_WithMalformedId_Answers404()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.UsageAsync("not-an-id", 5);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Grant_ToUnknownAgency_Answers404()
    {
        var response = await api.Platform().PostAsJsonAsync($"/api/v1/agencies/{Guid.NewGuid()}/grants", new { credits = 5 }, cancellationToken: Ct);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("rk_agency_forged")]
    [InlineData("rk_platform_forged")]
    public async Task Usage_WithoutAValidKey_Answers401AndMovesNothing(string? key)
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        var response = await api.WithKey(key).UsageAsync(subAccount, 5);

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        (await agency.PoolBalanceAsync()).ShouldBe(100);
    }

    [Fact]
    public async Task Request_WithNonBearerAuthorization_Answers401ExplainingTheFormat()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", "Basic dXNlcjpwYXNz");

        var response = await client.GetAsync("/api/v1/agency", Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        problem.GetProperty("detail").GetString()!.ShouldContain("Bearer");
    }

    [Fact]
    public async Task CreateSubAccount_WithInvalidEmailAndNoName_Answers400WithBothFields()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", new { email = "not-an-email" }, cancellationToken: Ct);

        var errors = (await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.TryGetProperty("email", out _).ShouldBeTrue();
        errors.TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task CreateSubAccount_WithUnknownCreditMode_Answers400NamingCreditMode()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", new { name = "X", email = "x@example.com", creditMode = "free" }, cancellationToken: Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("creditMode", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task CreateSubAccount_WithDuplicateEmail_Answers409OnTheEmailField()
    {
        var agency = await api.CreateAgencyAsync();
        var body = new { name = "Dup", email = "dup-" + agency.Slug + "@example.com" };
        (await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", body, cancellationToken: Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", body, cancellationToken: Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("errors").GetProperty("email")[0].GetString()!.ShouldContain("already");
    }

    [Theory]
    [InlineData("{\"usageCapPerMonth\":-1}", "usageCapPerMonth")]
    [InlineData("{\"creditMode\":null}", "creditMode")]
    [InlineData("{\"paused\":\"yes\"}", "paused")]
    [InlineData("{\"name\":\"\"}", "name")]
    public async Task PatchSubAccount_WithInvalidValue_Answers400NamingTheField(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync();

        var response = await agency.Client.PatchAsync($"/api/v1/sub-accounts/{subAccount}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors should name '{field}': {problem}");
    }

    [Theory]
    [InlineData("{\"pasued\":true}", "pasued")]
    [InlineData("{\"paused\":true,\"usageCap\":100}", "usageCap")]
    [InlineData("{\"paused\":true,\"autoRecharge\":{\"enabled\":true,\"provider\":\"webhook\",\"thresholdCredits\":10,\"targetCredits\":100,\"monthlySpendCeiling\":5}}", "autoRecharge.monthlySpendCeiling")]
    [InlineData("{\"paused\":true,\"lowBalanceAlert\":{\"thresholdCredits\":10,\"emails\":[\"a@example.com\"]}}", "lowBalanceAlert.emails")]
    public async Task PatchSubAccount_WithAFieldItDoesNotKnow_Answers400NamingItAndChangesNothing(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync();

        var response = await agency.Client.PatchAsync($"/api/v1/sub-accounts/{subAccount}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var after = await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out var named).ShouldBeTrue($"errors should name '{field}': {problem}");
        named[0].GetString().ShouldBe($"'{field}' is not a field of this request.");
        after.GetProperty("paused").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?cursor=%%%", "cursor")]
    [InlineData("?type=bonus", "type")]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?subAccountId=42", "subAccountId")]
    public async Task Transactions_WithInvalidQuery_Answers400NamingTheParameter(string query, string field)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.GetAsync("/api/v1/transactions" + query, Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors should name '{field}': {problem}");
    }
}
