using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// On SQLite a usage batch writes each table with one statement whose rows come as one JSON parameter: what it stores
/// must be what EF stores (the same storage classes, GUIDs as upper-case text, instants as numbers, text exactly as
/// sent, reply bodies as bytes), so that every lookup by id or key, every replay and <c>ledger verify</c> still match.
/// </summary>
public sealed class UsageJsonRowsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Text = "Café ☕ 😀 \"quoted\" \\ back 'single' <b>&amp;</b> 中文";

    [Fact]
    public async Task Batch_WithUnicodeTextMetadataAndAKey_StoresEveryValueAsEfDoesAndReplaysTheSameBody()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await agency.GrantAsync(subAccount, 100);
        var body = JsonSerializer.Serialize(new
        {
            events = new object[]
            {
                new { id = "json-1", subAccountId = subAccount, credits = 3, description = Text, campaignId = "c-ü", metadata = new { note = Text, n = 1 } },
                new { id = "json-2", subAccountId = subAccount, credits = 4 },
            },
        });

        var first = await agency.Client.PostBatchJsonAsync(body, "json-batch");
        var firstBody = await first.Content.ReadAsStringAsync(Ct);
        var replay = await agency.Client.PostBatchJsonAsync(body, "json-batch");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(firstBody).RootElement.GetProperty("results").EnumerateArray().Select(r => r.Status()).ShouldBe(["applied", "applied"]);
        (await replay.Content.ReadAsStringAsync(Ct)).ShouldBe(firstBody, "the stored reply's bytes come back as they were sent");
        var results = await (await agency.Client.PostBatchJsonAsync(body)).ResultsAsync();
        results.Select(r => r.Status()).ShouldBe(["duplicate", "duplicate"], "each event's key is found again by its scope and key");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(93);

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = SubAccountId.From(Guid.Parse(subAccount));
        var usage = await db.LedgerTransactions.AsNoTracking().Include(t => t.Entries)
            .Where(t => t.SubAccountId == id && t.Type == TransactionType.Usage).OrderBy(t => t.Sequence).ToListAsync(Ct);
        usage.Select(t => t.IdempotencyKey).ShouldBe(["json-1", "json-2"]);
        usage[0].Description.ShouldBe(Text);
        usage[0].CampaignId.ShouldBe("c-ü");
        JsonDocument.Parse(usage[0].Metadata!).RootElement.GetProperty("note").GetString().ShouldBe(Text);
        usage[1].Description.ShouldBeNull();
        usage.ShouldAllBe(t => t.Entries.Count == 2 && t.Entries.Sum(e => e.Amount) == 0);
        usage[0].CreatedAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        // Row for row, the storage of a usage transaction and its entries is that of a grant, which EF wrote.
        var grant = await StorageAsync(db, "Grant", subAccount);
        var debit = await StorageAsync(db, "Usage", subAccount);
        debit.ShouldBe(grant);
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    // Each column's storage class, and whether the GUIDs are upper case, for the first transaction of this type.
    private static async Task<string> StorageAsync(EngineDbContext db, string type, string subAccount)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT typeof(t.Id) || (t.Id = upper(t.Id)), typeof(t.AgencyId) || (t.AgencyId = upper(t.AgencyId)), typeof(t.SubAccountId) || (t.SubAccountId = upper(t.SubAccountId)), " +
            "typeof(t.Type), typeof(t.Credits), typeof(t.CreatedAt), typeof(e.WalletId) || (e.WalletId = upper(e.WalletId)), typeof(e.Amount), typeof(e.TransactionSequence) " +
            "FROM LedgerTransactions t JOIN LedgerEntries e ON e.TransactionSequence = t.Sequence " +
            "WHERE t.Type = $type AND t.SubAccountId = upper($subAccount) ORDER BY t.Sequence LIMIT 1";
        var typeParameter = command.CreateParameter();
        typeParameter.ParameterName = "$type";
        typeParameter.Value = type;
        command.Parameters.Add(typeParameter);
        var subAccountParameter = command.CreateParameter();
        subAccountParameter.ParameterName = "$subAccount";
        subAccountParameter.Value = subAccount;
        command.Parameters.Add(subAccountParameter);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue($"a {type} transaction of the sub-account");
        return string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString()));
    }
}
