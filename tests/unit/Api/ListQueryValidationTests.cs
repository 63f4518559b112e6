using System.Net;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Every list answers a cursor it never wrote, and a limit out of range however large, with 400 validation_failed
/// naming the parameter in the same words, instead of quietly starting again from the first page or answering in the
/// framework's own words.
/// </summary>
public abstract class ListQueryValidationTests(ApiFixture api)
{
    private static readonly string ForeignCursor = Convert.ToBase64String(Encoding.UTF8.GetBytes("not-a-position")).TrimEnd('=');

    [Theory]
    [InlineData("/api/v1/sub-accounts")]
    [InlineData("/api/v1/purchases")]
    [InlineData("/api/v1/transactions")]
    public async Task List_WithACursorThisApiNeverWrote_Answers400NamingTheCursor(string list)
    {
        var agency = await api.CreateAgencyAsync();
        await agency.CreateSubAccountAsync();

        var response = await agency.Client.GetAsync($"{list}?cursor={ForeignCursor}", Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("cursor")[0].GetString().ShouldBe("The cursor is not one this API returned.");
    }

    [Theory]
    [InlineData("/api/v1/sub-accounts", "99999999999")]
    [InlineData("/api/v1/purchases", "99999999999")]
    [InlineData("/api/v1/transactions", "99999999999")]
    [InlineData("/api/v1/campaigns", "99999999999")]
    [InlineData("/api/v1/webhook-deliveries", "99999999999")]
    [InlineData("/api/v1/sub-accounts", "-99999999999")]
    [InlineData("/api/v1/transactions", "ten")]
    [InlineData("/api/v1/sub-accounts", "501")]
    public async Task List_WithALimitOutOfRange_Answers400InTheSameWordsWhateverItsSize(string list, string limit)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.GetAsync($"{list}?limit={limit}", Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["limit"]);
        errors.GetProperty("limit")[0].GetString().ShouldBe("limit must be between 1 and 500.");
    }

    [Fact]
    public async Task ListAgencies_WithAHugeLimit_Answers400InTheSameWords()
    {
        var response = await api.Platform().GetAsync("/api/v1/agencies?limit=99999999999", Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("limit")[0].GetString().ShouldBe("limit must be between 1 and 500.");
    }

    [Fact]
    public async Task ListSubAccounts_FollowingItsOwnCursors_ReadsEveryAccountOnce()
    {
        var agency = await api.CreateAgencyAsync();
        for (var i = 0; i < 5; i++)
        {
            await agency.CreateSubAccountAsync();
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await agency.Client.GetAsync($"/api/v1/sub-accounts?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}", Ct)).ExpectAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.Count.ShouldBe(5);
        seen.Distinct().Count().ShouldBe(5);
    }
}

public sealed class ListQueryValidationTestsOnSqlite(SqliteApi api) : ListQueryValidationTests(api), IClassFixture<SqliteApi>;

public sealed class ListQueryValidationTestsOnPostgres(PostgresApi api) : ListQueryValidationTests(api), IClassFixture<PostgresApi>;
