using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;
using static ResellerKit.Tests.E2e.Operations.StormProbes;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>
/// Three Storefront processes on one PostgreSQL database behind a real load balancer (YARP, sticky circuits), as
/// README's "Scaling out" runs them. During a storm of keyed usage debits, sandbox payments and widget sessions the
/// node that holds a buyer's widget circuit is killed with kill -9, and later restarted. Afterwards every answered
/// debit is in the ledger, every paid session is granted once, the widget has moved to a live node and still sells,
/// the owner's back-office session (also on that node) continues on another,
/// every outbox message is delivered once (one receipt each, an empty outbox) and <c>ledger verify</c> is clean.
/// </summary>
public sealed class ThreeNodeTests(ITestOutputHelper output)
{
    private const int ClientCount = 3;
    private const int SessionCount = 12;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ThreeNodes_BehindABalancerWithOneKilledDuringAStorm_LoseNothingAndDoubleNothing()
    {
        var database = Storm.Postgres();
        Assert.SkipWhen(database is null, "RESELLERKIT_TEST_POSTGRES is not set");
        var clock = Stopwatch.StartNew();
        await using var mail = await MailDev.StartAsync();
        await using var site = new ForeignSite();
        var balancerPort = FreePort.Next();
        var balancerUrl = $"http://127.0.0.1:{balancerPort}";
        var shared = new Dictionary<string, string>(Storm.Settings(StorefrontProcess.NewWorkDir()).Where(s => !s.Key.StartsWith("Email__", StringComparison.Ordinal))
            .Concat(database!).Concat(mail.StorefrontSettings))
        {
            ["ResellerKit__PublicBaseUrl"] = balancerUrl, // links, checkout return URLs and the sandbox's webhooks go through the balancer
            ["Stripe__SandboxSettleDelay"] = "00:00:01",
            ["Outbox__GaugeInterval"] = "00:00:01",
        };
        var nodes = Enumerable.Range(0, 3).Select(_ => new Node(FreePort.Next(), FreePort.Next(), StorefrontProcess.NewWorkDir())).ToArray();
        await using var cleanup = new StopsNodes(nodes); // a failed assertion must not leave three servers running for the rest of the suite
        nodes[0].Process = await nodes[0].StartAsync(shared); // migrates the database
        await Task.WhenAll(nodes[1..].Select(async n => n.Process = await n.StartAsync(shared)));
        await using var balancer = await LoadBalancer.StartAsync(balancerPort, nodes.Select(n => n.Url).ToList());
        output.WriteLine($"{clock.Elapsed:mm\\:ss} three nodes and the balancer are up");

        using var storm = await Storm.CreateAsync(nodes[0].Process!, ClientCount, balancerUrl);
        var sessions = new List<StormSession>();
        for (var i = 0; i < SessionCount; i++)
        {
            sessions.Add(await storm.OpenCheckoutAsync(balancerUrl, storm.Clients[i % ClientCount]));
        }

        // A buyer with the widget open on the agency's site; its circuit lives on one node, which we kill.
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var buyer = await WidgetBuyer.OpenAsync(browser, site, balancerUrl);
        var doomed = nodes.Single(n => n.Url == balancer.WidgetNode);
        output.WriteLine($"{clock.Elapsed:mm\\:ss} the widget's circuit is on {doomed.Url}");
        using var owner = await BackOfficeOwner.SignInOnAsync(balancer, storm, mail, doomed.Url);

        var widgetSessions = new ConcurrentBag<HttpStatusCode>();
        var stop = new CancellationTokenSource();
        var load = new List<Task>
        {
            Task.Run(async () => { foreach (var session in sessions) await PayUntilPaidAsync(storm, balancerUrl, session); }, Ct),
            Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested && n < 400; n++)
                {
                    widgetSessions.Add(await CreateWidgetSessionAsync(balancerUrl, storm, storm.Clients[n % ClientCount]));
                }
            }, Ct),
        };
        load.AddRange(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; n < 30; n++)
            {
                var debit = new StormDebit($"balanced-{worker}-{n}-{Guid.NewGuid():N}", storm.Clients[(worker + n) % ClientCount], 1 + (n % 3));
                storm.Debits[debit.Key] = debit;
                await DebitUntilAnsweredAsync(storm, balancerUrl, debit);
            }
        })));

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var killedAt = clock.Elapsed;
        await doomed.Process!.KillHardAsync();
        output.WriteLine($"{killedAt:mm\\:ss} kill -9 {doomed.Url}");

        // The widget notices, reconnects through the balancer to a live node, and still sells.
        await buyer.BuysStarterAsync();
        output.WriteLine($"{clock.Elapsed:mm\\:ss} the widget bought on {balancer.WidgetNode} ({clock.Elapsed - killedAt:mm\\:ss} after the kill)");
        balancer.WidgetNode.ShouldNotBe(doomed.Url);

        // The owner's back-office session was on the dead node too: the balancer moves it, and the cookie that node
        // issued still opens the back office (Data Protection keys live in the shared database).
        var (status, dashboard) = await owner.GetAsync($"{balancerUrl}/admin");
        status.ShouldBe(HttpStatusCode.OK, "a live node reads the dead node's sign-in cookie");
        dashboard.ShouldContain("Storm Agency");
        dashboard.ShouldNotContain("Input.Password");
        balancer.BackOfficeNode.ShouldNotBe(doomed.Url);

        doomed.Process = await doomed.StartAsync(shared);
        output.WriteLine($"{clock.Elapsed:mm\\:ss} {doomed.Url} restarted");
        stop.Cancel();
        await Task.WhenAll(load);
        output.WriteLine($"{clock.Elapsed:mm\\:ss} the storm is over: {storm.Debits.Count} debits, {sessions.Count} payments, {widgetSessions.Count} widget sessions");

        // Every answered debit is in the ledger, every paid session is granted once, balances add up.
        using var agency = new ResellerKitApi(balancerUrl, storm.AgencyKey);
        var paid = sessions.GroupBy(s => s.Client).ToDictionary(g => g.Key, g => g.Count());
        foreach (var client in storm.Clients)
        {
            var state = await Poll.UntilAsync(() => storm.ClientStateAsync(balancerUrl, client), s => s.Fulfilled == paid[client], Patience);
            state.Fulfilled.ShouldBe(paid[client], $"client {client}: every paid session granted");
            state.Total.ShouldBe(paid[client], "no purchase opened twice");
            state.Balance.ShouldBe(storm.ExpectedBalance(client, paid[client]), $"client {client}: start + packs - answered debits, each once");
            var usage = await UsageTransactionsAsync(agency, client);
            var answered = storm.Debits.Values.Where(d => d.Client == client).Select(d => d.TransactionId.ShouldNotBeNull($"debit {d.Key} was never answered")).ToList();
            usage.ShouldBe(answered, ignoreOrder: true, "the ledger holds each answered debit once, and no other");
        }
        widgetSessions.ShouldContain(HttpStatusCode.Created);
        widgetSessions.ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.BadGateway, "a widget session is created, or the balancer says the node is gone");

        // Every outbox message is delivered once: one receipt per purchase, and no due message left waiting on any
        // node's view of the shared outbox (what is still pending is scheduled for later, such as session expiries).
        var expected = storm.Clients.Select((c, i) => (storm.ClientEmail(i), paid[c])).Append((buyer.Email, 1)).ToDictionary();
        var receipts = await Poll.UntilAsync(() => ReceiptsAsync(mail), r => r.Values.Sum() >= expected.Values.Sum(), Patience);
        receipts.OrderBy(r => r.Key).ShouldBe(expected.OrderBy(r => r.Key), "one receipt per paid session, none twice");
        var ledgerCounted = false;
        foreach (var node in nodes)
        {
            var metrics = await Poll.UntilAsync(() => node.ScrapeAsync(), m => Gauge(m, "resellerkit_outbox_oldest_age_seconds") == 0, Patience);
            await File.WriteAllTextAsync(Path.Combine(Repository.Artifacts("test-results"), $"issue19-metrics-{node.Port}.txt"), metrics, Ct);
            output.WriteLine($"{node.Url}: outbox pending {Gauge(metrics, "resellerkit_outbox_pending")}, oldest due {Gauge(metrics, "resellerkit_outbox_oldest_age_seconds")} s");
            Gauge(metrics, "resellerkit_outbox_oldest_age_seconds").ShouldBe(0, $"{node.Url}'s view of the outbox");
            ledgerCounted |= metrics.Split('\n').Any(l => l.StartsWith("resellerkit_ledger_transactions_total{", StringComparison.Ordinal) && l.Contains("type=\"usage\"", StringComparison.Ordinal));
        }
        ledgerCounted.ShouldBeTrue("the nodes that took the storm count its usage debits");
        output.WriteLine($"{clock.Elapsed:mm\\:ss} books checked; requests per node: {string.Join(", ", balancer.Forwarded.Select(f => $"{f.Key}={f.Value}"))}");

        await Task.WhenAll(nodes.Select(n => n.Process!.StopAsync()));
        (await ReceiptsAsync(mail)).OrderBy(r => r.Key).ShouldBe(expected.OrderBy(r => r.Key), "still no receipt sent twice");
        var verify = await StorefrontProcess.RunCommandAsync(StorefrontProcess.NewWorkDir(), shared, "ledger", "verify");
        verify.ExitCode.ShouldBe(0, verify.Output);
        verify.Output.ShouldContain("ledger verify: clean");
        output.WriteLine($"{clock.Elapsed:mm\\:ss} ledger verify: clean");
    }
}
