using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// On PostgreSQL a usage batch binds its rows as one array per column (<c>unnest</c>) and finds each sub-account's
/// wallets in SQL with its first reads: every value must land in its own column and row, in request order, each
/// entry on the right wallet (a shared sub-account's source is its agency's pool, a reselling one's its own wallet),
/// with nulls kept null, and every key found again afterwards.
/// </summary>
public sealed class UsageArrayRowsTests(PostgresApi api) : IClassFixture<PostgresApi>
{
    private const string Text = "Café ☕ 😀 \"quoted\" \\ back 'single' {braces,comma} NULL 中文";

    [Fact]
    public async Task Batch_MixingSharedAndResellingWithTextAndNulls_StoresEachValueInItsRowAndEachEntryOnItsWallet()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var shared = await agency.CreateSubAccountAsync("shared");
        var reselling = await agency.CreateSubAccountAsync("reselling");
        await agency.GrantAsync(reselling, 100);
        var body = JsonSerializer.Serialize(new
        {
            events = new object[]
            {
                new { id = "arr-1", subAccountId = reselling, credits = 3, description = Text, campaignId = "c-1", contactId = "k-1", metadata = new { note = Text } },
                new { id = "arr-2", subAccountId = shared, credits = 5 },
                new { id = "arr-3", subAccountId = reselling, credits = 7, contactId = "k-3" },
                new { id = "arr-4", subAccountId = shared, credits = 11, description = "NULL", campaignId = "c-4" },
            },
        });

        var results = await (await agency.Client.PostBatchJsonAsync(body)).ResultsAsync();

        results.Select(r => r.Status()).ShouldBe(["applied", "applied", "applied", "applied"]);
        (await agency.BalanceAsync(reselling)).GetProperty("balance").GetInt64().ShouldBe(90);
        (await agency.PoolBalanceAsync()).ShouldBe(1_000 - 16);
        (await (await agency.Client.PostBatchJsonAsync(body)).ResultsAsync()).Select(r => r.Status())
            .ShouldBe(["duplicate", "duplicate", "duplicate", "duplicate"], "each event's key is found again in its scope");

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        var pool = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.PoolWalletId).SingleAsync(Ct);
        var accounts = await db.SubAccounts.Where(s => s.AgencyId == agencyId).ToDictionaryAsync(s => s.Id.Value.ToString(), Ct);
        var usage = await db.LedgerTransactions.AsNoTracking().Include(t => t.Entries)
            .Where(t => t.AgencyId == agencyId && t.Type == TransactionType.Usage).OrderBy(t => t.Sequence).ToListAsync(Ct);
        usage.Select(t => t.IdempotencyKey).ShouldBe(["arr-1", "arr-2", "arr-3", "arr-4"], "sequences follow the request");
        usage.Select(t => t.SubAccountId!.Value.Value.ToString()).ShouldBe([reselling, shared, reselling, shared]);
        usage.Select(t => t.Credits).ShouldBe([-3L, -5L, -7L, -11L]);
        usage.Select(t => t.Description).ShouldBe([Text, null, null, "NULL"]);
        usage.Select(t => t.CampaignId).ShouldBe(["c-1", null, null, "c-4"]);
        usage.Select(t => t.ContactId).ShouldBe(["k-1", null, "k-3", null]);
        JsonDocument.Parse(usage[0].Metadata!).RootElement.GetProperty("note").GetString().ShouldBe(Text);
        usage.Skip(1).ShouldAllBe(t => t.Metadata == null && t.Reference == null);
        usage.ShouldAllBe(t => t.IdempotencyScope != null && t.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        foreach (var transaction in usage)
        {
            var account = accounts[transaction.SubAccountId!.Value.Value.ToString()];
            var source = account.CreditMode == CreditMode.Shared ? pool : account.WalletId;
            transaction.Entries.OrderBy(e => e.Id).Select(e => (e.WalletId, e.Amount, e.AgencyId))
                .ShouldBe([(source, transaction.Credits, agencyId), (account.ConsumedWalletId, -transaction.Credits, agencyId)]);
        }
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }
}
