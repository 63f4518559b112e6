using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

public sealed class TransactionsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Transactions_FilteredBySubAccountCampaignAndType_ReturnOnlyMatchesNewestFirst()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var a = await agency.CreateSubAccountAsync();
        var b = await agency.CreateSubAccountAsync();
        await UseAsync(agency, a, 5, "spring");
        await UseAsync(agency, a, 6, "summer");
        await UseAsync(agency, b, 7, "spring");
        await UseAsync(agency, a, 8, "spring");

        var page = await (await agency.Client.GetAsync($"/api/v1/transactions?subAccountId={a}&campaignId=spring&type=usage", Ct))
            .ExpectAsync(HttpStatusCode.OK);

        page.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("credits").GetInt64()).ShouldBe([-8L, -5L]);
        page.GetProperty("nextCursor").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Transactions_PagedWithCursor_VisitEveryRowOnce()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync();
        for (var i = 1; i <= 7; i++)
        {
            await UseAsync(agency, subAccount, i, null);
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await agency.Client.GetAsync($"/api/v1/transactions?type=usage&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}", Ct))
                .ExpectAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("credits").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        seen.ShouldBe([-7L, -6L, -5L, -4L, -3L, -2L, -1L]);
    }

    [Fact]
    public async Task Transactions_OfAnotherAgencysSubAccount_Answer404()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(owner, 100);
        var subAccount = await owner.CreateSubAccountAsync();
        await UseAsync(owner, subAccount, 3, null);

        var problem = await (await other.Client.GetAsync($"/api/v1/transactions?subAccountId={subAccount}", Ct)).ExpectAsync(HttpStatusCode.NotFound);
        var own = await (await other.Client.GetAsync("/api/v1/transactions", Ct)).ExpectAsync(HttpStatusCode.OK);

        problem.GetProperty("code").GetString().ShouldBe("not_found");
        own.GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("from", "31/01/2026")]
    [InlineData("to", "yesterday")]
    public async Task Transactions_WithADateThatCannotBeRead_Answer400ExplainingTheFormatWithAnExample(string field, string value)
    {
        var agency = await api.CreateAgencyAsync();

        var problem = await (await agency.Client.GetAsync($"/api/v1/transactions?{field}={Uri.EscapeDataString(value)}", Ct))
            .ExpectAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        message.ShouldStartWith($"{field} is not a date we can read.");
        message.ShouldContain("year, month and day");
        message.ShouldContain("like 2026-01-31");
        message.ShouldNotContain("ISO");
    }

    private static async Task UseAsync(TestAgency agency, string subAccount, long credits, string? campaignId) =>
        (await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccount}/usage", new { credits, campaignId }, cancellationToken: Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
}
