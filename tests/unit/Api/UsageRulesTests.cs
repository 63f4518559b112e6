using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

public sealed class UsageRulesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Usage_OfPausedSubAccount_Answers423AndMovesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new { paused = true }, cancellationToken: Ct)).EnsureSuccessStatusCode();

        var response = await agency.Client.UsageAsync(subAccount, 5);

        await response.ExpectProblemAsync(HttpStatusCode.Locked, "account_paused");
        (await agency.PoolBalanceAsync()).ShouldBe(100);
    }

    [Fact]
    public async Task Usage_BeyondMonthlyCap_Answers402ThoughThePoolHasCredits()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("shared", usageCapPerMonth: 50);
        (await agency.Client.UsageAsync(subAccount, 40)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await agency.Client.UsageAsync(subAccount, 11);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");
        problem.GetProperty("detail").GetString()!.ShouldContain("monthly usage cap is 50");
        (await agency.PoolBalanceAsync()).ShouldBe(960);
    }

    [Fact]
    public async Task Usage_InResellingMode_DebitsTheSubAccountsOwnWalletNotThePool()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        (await agency.GrantAsync(subAccount, 100)).ShouldBe(100);

        (await agency.Client.UsageAsync(subAccount, 30)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var over = await agency.Client.UsageAsync(subAccount, 71);

        await over.ExpectProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(70);
        (await agency.PoolBalanceAsync()).ShouldBe(500);
    }

    [Fact]
    public async Task Usage_WithThePlatformKey_DebitsAnyAgencysSubAccount()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        (await api.Platform().UsageAsync(subAccount, 25)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await agency.PoolBalanceAsync()).ShouldBe(75);
    }

    [Fact]
    public async Task Grant_ToSharedModeSubAccount_Answers409WithAClearReason()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("shared");

        var response = await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccount}/grants", new { credits = 10, reason = "gift" }, cancellationToken: Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("detail").GetString()!.ShouldContain("shared pool");
    }

    [Fact]
    public async Task Balance_InSharedMode_ShowsThePoolToTheAgency()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 300);
        var subAccount = await agency.CreateSubAccountAsync("shared", usageCapPerMonth: 200);
        await agency.Client.UsageAsync(subAccount, 20);

        var balance = await agency.BalanceAsync(subAccount);

        balance.GetProperty("creditMode").GetString().ShouldBe("shared");
        balance.GetProperty("balance").GetInt64().ShouldBe(280);
        balance.GetProperty("usedThisMonth").GetInt64().ShouldBe(20);
        balance.GetProperty("usageCapPerMonth").GetInt64().ShouldBe(200);
    }
}
