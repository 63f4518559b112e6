using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>The most credits one operation moves reads one way in every message, grouped as the pack form writes it.</summary>
public sealed class MaxCreditsWordsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Grouped = "1,000,000,000,000";

    [Fact]
    public async Task Grant_OfMoreThanOneOperationMoves_SaysTheLimitGrouped()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");

        var response = await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccount}/grants", new { credits = 2_000_000_000_000, reason = "too many" }, Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("credits")[0].GetString().ShouldBe($"credits must be a whole number from 1 to {Grouped}.");
    }

    [Fact]
    public async Task AutoRecharge_WithATargetAboveOneOperation_SaysTheLimitGrouped()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");

        var response = await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new
        {
            autoRecharge = new { enabled = true, provider = "webhook", thresholdCredits = 100, targetCredits = 2_000_000_000_000 },
        }, Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("autoRecharge.targetCredits")[0].GetString().ShouldEndWith($"at most {Grouped}.");
    }
}
