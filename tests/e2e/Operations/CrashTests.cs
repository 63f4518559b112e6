using System.Collections.Concurrent;
using System.Net;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>
/// kill -9 in the middle of a storm of checkout payments (whose Stripe webhooks grant credits), keyed usage debits and
/// usage batches (all through the ledger writer's group commit), with half the sandbox's webhooks held in delivery,
/// then a restart on the same database: every debit or batch event answered before the kill is in the ledger, a retry
/// of any debit or batch (answered or not) never applies twice, the sandbox redelivers its queued webhooks, every paid
/// session is granted exactly once, and <c>ledger verify</c> is clean.
/// </summary>
public sealed class CrashTests
{
    private const int ClientCount = 4;
    private const int SessionCount = 48;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public Task KillHard_InAPaymentAndUsageStorm_OnSqlite_GrantsEveryPaidSessionOnceAndAppliesEveryKeyOnce() =>
        StormKillRestartAsync([]);

    [Fact]
    public Task KillHard_InAPaymentAndUsageStorm_OnPostgres_GrantsEveryPaidSessionOnceAndAppliesEveryKeyOnce()
    {
        var postgres = Storm.Postgres();
        Assert.SkipWhen(postgres is null, "RESELLERKIT_TEST_POSTGRES is not set");
        return StormKillRestartAsync(postgres!);
    }

    private static async Task StormKillRestartAsync(Dictionary<string, string> database)
    {
        var workDir = StorefrontProcess.NewWorkDir();
        var settings = new Dictionary<string, string>(Storm.Settings(workDir).Concat(database));
        var port = FreePort.Next();
        await using var relay = await WebhookRelay.StartAsync($"http://127.0.0.1:{port}/webhooks/stripe");
        var node = await StorefrontProcess.StartAsync(workDir, new Dictionary<string, string>(settings) { ["Stripe__SandboxWebhookUrl"] = relay.Url }, port);
        var url = node.BaseUrl;
        using var storm = await Storm.CreateAsync(node, ClientCount);
        var sessions = new List<StormSession>();
        for (var i = 0; i < SessionCount; i++)
        {
            sessions.Add(await storm.OpenCheckoutAsync(url, storm.Clients[i % ClientCount]));
        }

        var redirected = new ConcurrentDictionary<string, bool>();
        var unexpected = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var queue = new ConcurrentQueue<StormSession>(sessions);
        var payers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var session))
            {
                try
                {
                    if (await storm.PayAsync(url, session)) redirected[session.Id] = true;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            }
        })).ToList();
        var batches = new ConcurrentQueue<IReadOnlyList<StormDebit>>();
        var batchers = Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var events = Enumerable.Range(0, 20).Select(e => new StormDebit($"batch-{worker}-{n}-{e}-{Guid.NewGuid():N}",
                    storm.Clients[(worker + n + e) % ClientCount], 1 + (e % 4))).ToList();
                events.ForEach(e => storm.Debits[e.Key] = e);
                batches.Enqueue(events);
                try
                {
                    await storm.BatchAsync(url, events);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            }
        })).ToList();
        var debiters = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var debit = new StormDebit($"storm-{worker}-{n}-{Guid.NewGuid():N}", storm.Clients[(worker + n) % ClientCount], 1 + (n % 3));
                storm.Debits[debit.Key] = debit;
                try
                {
                    var (status, _) = await storm.DebitAsync(url, debit);
                    if (status != HttpStatusCode.Created) unexpected.Enqueue($"debit {debit.Key}: {(int)status}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            }
        })).ToList();

        // Kill once a third of the sessions are paid, webhooks are both granted and held in delivery, and debits and batch
        // events have been answered (a cold, busy runner can pay sessions before the first debit comes back).
        int Answered() => storm.Debits.Values.Count(d => d.TransactionId is not null);
        await Poll.UntilAsync(() => Task.FromResult(redirected.Count >= SessionCount / 3 && relay.Forwarded >= 2 && relay.Held >= 2 && Answered() >= 20),
            ready => ready, Patience);
        redirected.Count.ShouldBeGreaterThanOrEqualTo(SessionCount / 3, "the storm did not get going");
        relay.Held.ShouldBeGreaterThanOrEqualTo(2, "webhooks were in delivery at the kill");
        await node.KillHardAsync();
        await stop.CancelAsync();
        await Task.WhenAll(payers.Concat(debiters).Concat(batchers));
        await node.DisposeAsync();
        var answeredBeforeKill = storm.Debits.Values.Where(d => d.TransactionId is not null).Select(d => d.TransactionId!).ToList();
        answeredBeforeKill.ShouldNotBeEmpty($"debits were answered before the kill; refused: {string.Join("; ", unexpected.Take(5))}");

        // The restarted node delivers straight to itself: whatever it grants now, the sandbox redelivered.
        await using var restarted = await StorefrontProcess.StartAsync(workDir, settings, port);
        // Buyers whose Pay went unanswered press it again; a session that was paid shows its page and charges nothing.
        foreach (var session in sessions.Where(s => !redirected.ContainsKey(s.Id)))
        {
            await storm.PayAsync(url, session);
        }
        // The agency's server retries every debit with its key: the ones in flight apply now or replay; none applies twice.
        foreach (var debit in storm.Debits.Values.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var known = debit.TransactionId is not null;
            var (status, replayed) = await storm.DebitAsync(url, debit);
            status.ShouldBe(HttpStatusCode.Created, $"retrying {debit.Key}");
            if (known) replayed.ShouldBeTrue($"{debit.Key} had been applied before the crash, so its retry must replay");
        }

        // The host retries every batch whole: events answered before are duplicates of their first transaction.
        foreach (var batch in batches)
        {
            var answered = batch.Select(e => e.TransactionId is not null).ToList();
            var statuses = await storm.BatchAsync(url, batch);
            statuses.Where((_, i) => answered[i]).ShouldAllBe(s => s == "duplicate", "an event answered before the crash replays on retry");
        }
        // Every debit answered before the kill is in the ledger, and every debit is there once: no retry doubled one.
        var usage = await storm.UsageTransactionsAsync(url);
        usage.ShouldBeUnique();
        answeredBeforeKill.Except(usage).ShouldBeEmpty("every debit answered 201 (or applied in a batch) before the kill is in the ledger");
        usage.Count.ShouldBe(storm.Debits.Values.Count(d => d.TransactionId is not null), "one usage transaction per debit applied");

        var paid = new Dictionary<string, int>();
        foreach (var session in sessions)
        {
            (await storm.IsPaidAsync(url, session)).ShouldBeTrue($"session {session.Id} is paid after the retry");
            paid[session.Client] = paid.GetValueOrDefault(session.Client) + 1;
        }
        foreach (var client in storm.Clients)
        {
            var state = await Poll.UntilAsync(() => storm.ClientStateAsync(url, client), s => s.Fulfilled == paid[client], Patience);
            state.Fulfilled.ShouldBe(paid[client], $"client {client}: purchases granted vs sessions paid");
            state.Total.ShouldBe(paid[client], $"client {client}: one purchase per session");
            state.Balance.ShouldBe(storm.ExpectedBalance(client, paid[client]), $"client {client}: start + packs paid - debits applied");
        }
        unexpected.ShouldBeEmpty();

        await restarted.StopAsync();
        var verify = await StorefrontProcess.RunCommandAsync(workDir, settings, "ledger", "verify");
        verify.ExitCode.ShouldBe(0, verify.Output);
        verify.Output.ShouldContain("ledger verify: clean");
    }
}
