using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>The <c>autoRecharge</c> and <c>lowBalanceAlert</c> settings of PATCH, their checks, and tenancy of the logs.</summary>
public sealed class AutoRechargeSettingsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Patch_WithAutoRecharge_ShowsItInGet()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(0);

        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200, monthlySpendCap: 10_000, maxPerDay: 3);
        var shown = (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge");

        shown.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        shown.GetProperty("provider").GetString().ShouldBe("stripe");
        shown.GetProperty("thresholdCredits").GetInt64().ShouldBe(50);
        shown.GetProperty("targetCredits").GetInt64().ShouldBe(200);
        shown.GetProperty("monthlySpendCap").GetInt64().ShouldBe(10_000);
        shown.GetProperty("maxPerDay").GetInt32().ShouldBe(3);
        shown.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Patch_WithInvalidAutoRecharge_Answers400NamingEachField()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(0);

        var response = await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new
        {
            autoRecharge = new { enabled = true, thresholdCredits = 100, targetCredits = 100, monthlySpendCap = 0, maxPerDay = 0 },
            lowBalanceAlert = new { thresholdCredits = 0, recipients = new[] { "not-an-email" } },
        }, Ct);

        var errors = (await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "autoRecharge.provider", "autoRecharge.targetCredits", "autoRecharge.monthlySpendCap", "autoRecharge.maxPerDay",
            "lowBalanceAlert.thresholdCredits", "lowBalanceAlert.recipients" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} should be named in {errors}");
        }
    }

    [Fact]
    public async Task Patch_AutoRechargeOnASharedSubAccount_Answers400()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("shared");

        var response = await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new
        {
            autoRecharge = new { enabled = true, provider = "webhook", thresholdCredits = 10, targetCredits = 100 },
        }, Ct);

        (await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors")
            .TryGetProperty("autoRecharge", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Patch_AutoRechargeNull_TurnsItOff()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200);

        var response = await agency.Client.PatchAsync($"/api/v1/sub-accounts/{subAccount}",
            JsonContent.Create(new Dictionary<string, object?> { ["autoRecharge"] = null }), Ct);
        await response.ExpectAsync(HttpStatusCode.OK);
        (await agency.Client.UsageAsync(subAccount, 60)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await agency.RechargesAsync(subAccount)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Logs_OfAnotherAgency_Answer404()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var subAccount = await owner.ResellingSubAccountAsync(100);
        await owner.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200);
        await owner.Client.UsageAsync(subAccount, 60);

        var recharges = await other.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}/recharges", Ct);
        var patch = await other.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}",
            new { autoRecharge = new { enabled = true, provider = "webhook", thresholdCredits = 1, targetCredits = 2 } }, Ct);
        var rechargeId = (await owner.RechargesAsync(subAccount)).Single().GetProperty("id").GetString()!;
        var grant = await other.GrantRechargeAsync(subAccount, rechargeId, 160);

        await recharges.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await patch.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await grant.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await owner.CurrentBalanceAsync(subAccount)).ShouldBe(40);
    }

    [Fact]
    public async Task Usage_WhenMaxPerDayIsReached_OpensNoRechargeAndShowsWhy()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200, maxPerDay: 1);
        await agency.Client.UsageAsync(subAccount, 60);
        var first = (await agency.RechargesAsync(subAccount)).Single();
        await (await agency.GrantRechargeAsync(subAccount, first.GetProperty("id").GetString()!, 160)).ExpectAsync(HttpStatusCode.Created);

        await agency.Client.UsageAsync(subAccount, 190);

        (await agency.RechargesAsync(subAccount)).Count.ShouldBe(1);
        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").GetProperty("lastSkipReason").GetString()!.ShouldStartWith("max_per_day");
    }
}
