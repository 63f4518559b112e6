using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Issue 15, P4: receipt emails' marks and Stripe events' records are written in group commits. An email is still
/// marked before its delivery ends (so a crash can resend it only between its send and that one write), each receipt
/// goes out once, and a webhook is answered only once its event is recorded, once.
/// </summary>
public abstract class ReceiptAndRecordGroupingTests(ApiFixture api)
{
    private const int Buyers = 8;

    [Fact]
    public async Task Pay_ManySessionsAtOnce_SendsEachReceiptOnceAndMarksItSent()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var subAccounts = await Task.WhenAll(Enumerable.Range(0, Buyers).Select(_ => agency.CreateSubAccountAsync("reselling")));
        var urls = await Task.WhenAll(subAccounts.Select(async s =>
            (await (await agency.CheckoutAsync(s, new { packId = pack })).ExpectAsync(HttpStatusCode.Created)).GetProperty("url").GetString()!));

        await Task.WhenAll(urls.Select(u => api.PayAsync(u)));
        await Task.WhenAll(subAccounts.Select(s => agency.WaitForBalanceAsync(s, 100)));
        var emails = await EmailsOfAsync(subAccounts);
        var rows = await Eventually.ReturnsAsync(() => ReceiptRowsAsync(emails), r => r.Count == Buyers && r.All(x => x.Completed));
        var files = await ReceiptFilesAsync(emails);

        rows.ShouldAllBe(r => r.Attempts == 1, "each receipt was sent by the node that queued it, once");
        files.Count.ShouldBe(Buyers, "one receipt per purchase in the pickup folder, none twice");
        files.Select(f => f.To).Distinct().Count().ShouldBe(Buyers);
        files.Select(f => f.MessageId.Split('@')[0]).ShouldBe(rows.Select(r => r.MessageId), ignoreOrder: true);
    }

    [Fact]
    public async Task MarkNow_WhileAnotherMarkIsBeingWritten_WritesTheWaitingOnesTogetherAndReturnsOnlyOnceWritten()
    {
        const int Emails = 24;
        var owner = $"test-node-{Guid.NewGuid():N}";
        var ids = await LeasedRowsAsync(owner, Emails);
        var groups = new ConcurrentQueue<int>();
        var completions = new OutboxCompletions(api.Services.GetRequiredService<IServiceScopeFactory>(), owner, TimeProvider.System,
            NullLogger.Instance, marked => groups.Enqueue(marked.Count));

        Task<bool>[] marks;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // Another writer holds these rows (and, on SQLite, the file): the first mark waits, the others queue behind it.
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            await using var held = await WriteTransaction.BeginAsync(db, "a test holding the rows", Ct);
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(set => set.SetProperty(m => m.LastError, "held"), Ct);
            var asked = 0;
            marks = ids.Select(id => Task.Run(async () =>
            {
                var marked = completions.MarkNowAsync(id); // queued at once; written later
                Interlocked.Increment(ref asked);
                await marked;
                return await CompletedAsync(id);
            })).ToArray();
            // Every mark is asked for while the rows are held, however slowly a busy machine starts the tasks.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Volatile.Read(ref asked) < Emails && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, Ct);
            }
            await held.CommitAsync(Ct);
        }
        var markedWhenAnswered = await Task.WhenAll(marks);

        markedWhenAnswered.ShouldAllBe(m => m, "a mark answers only once its UPDATE committed: the crash window stays one write wide");
        groups.Sum().ShouldBe(Emails);
        groups.Count.ShouldBeLessThan(Emails / 2, "marks asked for while one was being written share the next UPDATE");
    }

    [Fact]
    public async Task Webhook_SameNewEventDeliveredManyTimesAtOnce_AnswersEachAfterRecordingItOnce()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await api.BuyStarterPackAsync(agency, subAccount);
        var completed = await api.SandboxEventAsync(await agency.StripeAccountAsync(), "checkout.session.completed");
        var eventId = "evt_grouped_" + Guid.NewGuid().ToString("N");
        var twin = completed.Replace(JsonDocument.Parse(completed).RootElement.GetProperty("id").GetString()!, eventId, StringComparison.Ordinal);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var response = await api.PostWebhookAsync(twin, api.Sign(twin));
            return (response.StatusCode, Recorded: await RecordsAsync(eventId));
        }));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        answers.ShouldAllBe(a => a.Recorded == 1, "every 2xx comes after the event's record committed, and it is recorded once");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100, "a new event id for a granted session grants nothing");
    }

    [Fact]
    public async Task Receipt_RightAfterTheAgencyRenamesItself_IsSentUnderTheNewName()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var first = await agency.CreateSubAccountAsync("reselling");
        var second = await agency.CreateSubAccountAsync("reselling");
        await BuyAsync(agency, first, pack, 100);
        var before = await api.WaitForMailAsync((await EmailsOfAsync([first]))[0], m => m.Headers["X-Email-Kind"] == "PurchaseReceipt");

        // Within a second of the first receipt, while its brand is still cached.
        var renamed = await agency.Client.PatchAsync("/api/v1/agency",
            new StringContent("{\"displayName\":\"Renamed Credits Co\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        await BuyAsync(agency, second, pack, 100);
        var after = await api.WaitForMailAsync((await EmailsOfAsync([second]))[0], m => m.Headers["X-Email-Kind"] == "PurchaseReceipt");

        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        before.From.Mailboxes.Single().Name.ShouldNotBe("Renamed Credits Co");
        after.From.Mailboxes.Single().Name.ShouldBe("Renamed Credits Co", "a committed change drops the cached brand at once on the node that made it");
    }

    private async Task BuyAsync(TestAgency agency, string subAccount, string pack, long balance)
    {
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        await api.PayAsync(session.GetProperty("url").GetString()!);
        await agency.WaitForBalanceAsync(subAccount, balance);
    }

    private sealed record ReceiptRow(string MessageId, int Attempts, bool Completed);

    private async Task<List<string>> EmailsOfAsync(IEnumerable<string> subAccounts)
    {
        var ids = subAccounts.Select(s => ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(s))).ToList();
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.Where(s => ids.Contains(s.Id)).Select(s => s.Email).ToListAsync(Ct);
    }

    private async Task<List<ReceiptRow>> ReceiptRowsAsync(IReadOnlyCollection<string> emails)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == Mailer.Topic).Select(m => new { m.MessageId, m.Attempts, Completed = m.CompletedAt != null, m.Payload }).ToListAsync(Ct);
        return rows.Select(r => (Row: r, Email: JsonSerializer.Deserialize<EmailRequest>(r.Payload, Mailer.Json)))
            .Where(x => x.Email is { Kind: EmailKind.PurchaseReceipt } e && emails.Contains(e.To))
            .Select(x => new ReceiptRow(x.Row.MessageId, x.Row.Attempts, x.Row.Completed)).ToList();
    }

    private async Task<List<(string To, string MessageId)>> ReceiptFilesAsync(IReadOnlyCollection<string> emails)
    {
        var found = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(api.MailFolder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file, Ct);
            if (message.Headers["X-Email-Kind"] == "PurchaseReceipt" && message.To.Mailboxes.FirstOrDefault()?.Address is { } to && emails.Contains(to))
            {
                found.Add((to, message.MessageId ?? ""));
            }
        }
        return found;
    }

    private async Task<List<long>> LeasedRowsAsync(string owner, int count)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var rows = Enumerable.Range(0, count).Select(_ =>
        {
            // A topic no handler takes, leased to a node that is not running: no worker delivers or reclaims them.
            var row = OutboxMessage.Create("test-marks", Guid.NewGuid().ToString("N"), "{}", null, DateTimeOffset.UtcNow);
            row.LeaseToWriter(owner, DateTimeOffset.UtcNow.AddHours(1));
            return row;
        }).ToList();
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync(Ct);
        return rows.ConvertAll(r => r.Id);
    }

    private async Task<bool> CompletedAsync(long id)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages.AnyAsync(m => m.Id == id && m.CompletedAt != null, Ct);
    }

    private async Task<int> RecordsAsync(string eventId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().PaymentEvents.CountAsync(e => e.EventId == eventId, Ct);
    }
}

public sealed class ReceiptAndRecordGroupingTestsOnSqlite(SqliteApi api) : ReceiptAndRecordGroupingTests(api), IClassFixture<SqliteApi>;

public sealed class ReceiptAndRecordGroupingTestsOnPostgres(PostgresApi api) : ReceiptAndRecordGroupingTests(api), IClassFixture<PostgresApi>;
