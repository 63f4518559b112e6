using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Issue 15, P4: paid checkouts are granted through the ledger writer, so grants that arrive together share one
/// transaction; the sandbox's webhooks are written leased to the node that delivers them (no claim) and marked complete
/// in batches. None of it may grant twice, lose a grant, or let one failing grant undo the others.
/// </summary>
public abstract class GroupedGrantTests(ApiFixture api)
{
    private const int Buyers = 8;

    [Fact]
    public async Task Pay_ManySessionsAtOnce_GrantsEachOnceAndDeliversEachWebhookInOneAttempt()
    {
        var (agency, pack) = await AgencyWithPackAsync();
        var subAccounts = await Task.WhenAll(Enumerable.Range(0, Buyers).Select(_ => agency.CreateSubAccountAsync("reselling")));
        var sessions = await Task.WhenAll(subAccounts.Select(s => OpenAsync(agency, s, pack)));

        await Task.WhenAll(sessions.Select(s => api.PayAsync(s.Url)));
        var balances = await Task.WhenAll(subAccounts.Select(s => agency.WaitForBalanceAsync(s, 100)));
        var rows = await Eventually.ReturnsAsync(() => CheckoutWebhookRowsAsync(sessions.Select(s => s.Id)), r => r.Count == Buyers && r.All(x => x.Completed));

        balances.ShouldAllBe(b => b == 100, "every paid session is granted its pack once");
        rows.ShouldAllBe(r => r.Attempts == 1, "each webhook was delivered once, by the node that wrote it, without a claim of its own");
        (await GrantsAsync(sessions.Select(s => s.Id))).ShouldBe(Buyers);
        (await LedgerProblemsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_OneGrantFailingBesideOthers_GrantsTheOthersAndLeavesThatOnePending()
    {
        var (agency, pack) = await AgencyWithPackAsync();
        var full = await agency.CreateSubAccountAsync("reselling");
        var others = await Task.WhenAll(Enumerable.Range(0, Buyers - 1).Select(_ => agency.CreateSubAccountAsync("reselling")));
        // A wallet at the ceiling: depositing the pack fails inside its grant (as a constraint or a bug would).
        await SetBalanceAsync(full, Credits.MaxBalance);
        var failing = await OpenAsync(agency, full, pack);
        var sessions = await Task.WhenAll(others.Select(s => OpenAsync(agency, s, pack)));

        await Task.WhenAll(sessions.Append(failing).Select(s => api.PayAsync(s.Url)));
        var balances = await Task.WhenAll(others.Select(s => agency.WaitForBalanceAsync(s, 100)));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        balances.ShouldAllBe(b => b == 100, "a grant that fails never takes the grants committed with it down");
        (await agency.PurchaseAsync(full)).GetProperty("state").GetString().ShouldBe("pending", "the failed grant is retried later, not lost nor half-applied");
        (await GrantsAsync([failing.Id])).ShouldBe(0);
        await SetBalanceAsync(full, 0); // The fixture's ledger is shared: the failed grant's retry then succeeds.
    }

    [Fact]
    public async Task Webhook_RedeliveredAfterACrashLostItsCompletion_GrantsNothingTwice()
    {
        var (agency, pack) = await AgencyWithPackAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        var session = await OpenAsync(agency, subAccount, pack);
        await api.PayAsync(session.Url);
        await agency.WaitForBalanceAsync(subAccount, 100);
        var delivered = await Eventually.ReturnsAsync(() => CheckoutWebhookRowsAsync([session.Id]), r => r.Count == 1 && r[0].Completed);

        // What a node that granted and then died before its completion mark leaves: the row open, its lease run out.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            var id = delivered[0].Id;
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.CompletedAt, (DateTimeOffset?)null)
                .SetProperty(m => m.LeaseOwner, "a-node-that-died")
                .SetProperty(m => m.LeasedUntil, DateTimeOffset.UtcNow.AddMinutes(-1)), Ct);
        }
        var redelivered = await Eventually.ReturnsAsync(() => CheckoutWebhookRowsAsync([session.Id]), r => r[0].Completed && r[0].Attempts == 2, TimeSpan.FromSeconds(10));

        redelivered[0].Attempts.ShouldBe(2, "the poll took the row over and delivered it again");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100);
        (await GrantsAsync([session.Id])).ShouldBe(1);
        (await LedgerProblemsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task PayAndRefund_RecordsEveryEvent_ButSendsOnlyTheTypesTheWebhookActsOn()
    {
        var (agency, pack) = await AgencyWithPackAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        var session = await OpenAsync(agency, subAccount, pack);
        var account = await agency.StripeAccountAsync();

        await api.PayAsync(session.Url);
        await agency.WaitForBalanceAsync(subAccount, 100);
        var paid = await api.SandboxEventAsync(account, "payment_intent.succeeded");
        var intent = System.Text.Json.JsonDocument.Parse(paid).RootElement.GetProperty("data").GetProperty("object").GetProperty("id").GetString()!;
        await (await api.SandboxClient(account).PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", intent)]), Ct)).ExpectAsync(System.Net.HttpStatusCode.OK);
        var refunded = await api.SandboxEventAsync(account, "refund.created");

        refunded.ShouldContain("\"refund.created\"", Case.Sensitive, "the sandbox's events API lists it, as Stripe's does");
        (await OutboxRowsAsync(refunded)).ShouldBe(0, "like a Stripe endpoint subscribed to what it handles, the sandbox does not send it");
        (await OutboxRowsAsync(paid)).ShouldBe(1, "payment_intent.succeeded is sent: the webhook grants auto-recharges by it");
    }

    private async Task<int> OutboxRowsAsync(string stripeEvent)
    {
        var eventId = System.Text.Json.JsonDocument.Parse(stripeEvent).RootElement.GetProperty("id").GetString()!;
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages.CountAsync(m => m.MessageId == eventId, Ct);
    }

    [Fact]
    public async Task Webhook_EventRecordFailingAfterTheGrant_GrantsNothingUntilBothCommit()
    {
        var (agency, pack) = await AgencyWithPackAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        var account = await agency.StripeAccountAsync();
        var session = await OpenAsync(agency, subAccount, pack);

        // The database refuses to record this account's events: the webhook's grant must not commit without its record.
        var refusal = await RefuseEventRecordsAsync(account);
        await api.PayAsync(session.Url);
        await Eventually.ReturnsAsync(() => FailedDeliveriesAsync(session.Id), failed => failed > 0);
        var pendingWhileRefused = (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString();
        var balanceWhileRefused = (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64();
        await AllowEventRecordsAsync(refusal);
        var balance = await agency.WaitForBalanceAsync(subAccount, 100); // the webhook's retry, about 5 s later

        pendingWhileRefused.ShouldBe("pending", "a grant commits with its event's record or not at all");
        balanceWhileRefused.ShouldBe(0);
        balance.ShouldBe(100, "the retried webhook grants and records it together");
        (await RecordedOutcomesAsync(account)).ShouldBe(["fulfilment: Fulfilled"]);
        (await GrantsAsync([session.Id])).ShouldBe(1);
    }

    private async Task<(TestAgency Agency, string Pack)> AgencyWithPackAsync()
    {
        var agency = await api.CreateAgencyAsync();
        return (agency, await agency.CreatePackAsync("Starter", 100, 1_500));
    }

    private static async Task<(string Id, string Url)> OpenAsync(TestAgency agency, string subAccount, string pack)
    {
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        return (session.GetProperty("id").GetString()!, session.GetProperty("url").GetString()!);
    }

    private async Task SetBalanceAsync(string subAccount, long balance)
    {
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccount));
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var wallet = await db.SubAccounts.Where(s => s.Id == id).Select(s => s.WalletId).SingleAsync(Ct);
        await db.Wallets.Where(w => w.Id == wallet).ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, balance), Ct);
    }

    private sealed record WebhookRow(long Id, int Attempts, bool Completed);

    /// <summary>The outbox rows of the sandbox's <c>checkout.session.completed</c> webhooks for these sessions.</summary>
    private async Task<List<WebhookRow>> CheckoutWebhookRowsAsync(IEnumerable<string> sessionIds)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == SandboxEvents.Topic && m.Payload.Contains("\"checkout.session.completed\""))
            .Select(m => new { m.Id, m.Attempts, Completed = m.CompletedAt != null, m.Payload }).ToListAsync(Ct);
        var wanted = sessionIds.ToList();
        return rows.Where(r => wanted.Any(s => r.Payload.Contains($"\"id\":\"{s}\""))).Select(r => new WebhookRow(r.Id, r.Attempts, r.Completed)).ToList();
    }

    /// <summary>A trigger that makes every insert of a payment event of <paramref name="account"/> fail; returns its name.</summary>
    private async Task<string> RefuseEventRecordsAsync(string account)
    {
        var name = "refuse_events_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(api.Provider == DatabaseProvider.Sqlite
            ? $"CREATE TRIGGER {name} BEFORE INSERT ON \"PaymentEvents\" WHEN NEW.\"Account\" = '{account}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
            : $"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$; " +
              $"CREATE TRIGGER {name} BEFORE INSERT ON \"PaymentEvents\" FOR EACH ROW WHEN (NEW.\"Account\" = '{account}') EXECUTE FUNCTION {name}();");
        return name;
    }

    private Task AllowEventRecordsAsync(string name) => ExecuteAsync(api.Provider == DatabaseProvider.Sqlite
        ? $"DROP TRIGGER {name};"
        : $"DROP TRIGGER {name} ON \"PaymentEvents\"; DROP FUNCTION {name}();");

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Database.ExecuteSqlRawAsync(sql, Ct);
    }

    /// <summary>Deliveries of the session's <c>checkout.session.completed</c> webhook that failed (and wait for a retry).</summary>
    private async Task<int> FailedDeliveriesAsync(string sessionId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == SandboxEvents.Topic && m.LastError != null && m.Payload.Contains("\"checkout.session.completed\""))
            .Select(m => m.Payload).ToListAsync(Ct);
        return errors.Count(p => p.Contains($"\"id\":\"{sessionId}\""));
    }

    private async Task<List<string>> RecordedOutcomesAsync(string account)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().PaymentEvents.AsNoTracking()
            .Where(e => e.Account == account && e.Type == "checkout.session.completed").Select(e => e.Outcome).ToListAsync(Ct);
    }

    private async Task<int> GrantsAsync(IEnumerable<string> sessionIds)
    {
        var keys = sessionIds.Select(s => $"checkout:{s}").ToList();
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().LedgerTransactions.CountAsync(t => keys.Contains(t.IdempotencyKey!), Ct);
    }

    private async Task<IReadOnlyList<string>> LedgerProblemsAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems;
    }
}

public sealed class GroupedGrantTestsOnSqlite(SqliteApi api) : GroupedGrantTests(api), IClassFixture<SqliteApi>;

public sealed class GroupedGrantTestsOnPostgres(PostgresApi api) : GroupedGrantTests(api), IClassFixture<PostgresApi>;
