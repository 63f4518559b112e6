using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>
/// Three Storefront processes on one PostgreSQL database, each in its own folder, with grants, usage and checkout
/// payments spread across them: the ledger stays clean with no overdraft, the outbox sends each receipt once, and
/// the Data Protection keys are shared, so the sign-in cookie node 1 issues opens the back office on node 3.
/// </summary>
public sealed partial class ThreeNodeTests
{
    private const int ClientCount = 3;
    private const int SessionCount = 18;
    private const long ThinCredits = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ThreeNodes_OnOnePostgres_KeepTheLedgerSendEachReceiptOnceAndShareSignIns()
    {
        var database = Storm.Postgres();
        Assert.SkipWhen(database is null, "RESELLERKIT_TEST_POSTGRES is not set");
        await using var mail = await MailDev.StartAsync();
        var settings = new Dictionary<string, string>(Storm.Settings(StorefrontProcess.NewWorkDir()).Where(s => !s.Key.StartsWith("Email__", StringComparison.Ordinal))
            .Concat(database!).Concat(mail.StorefrontSettings));
        await using var first = await StorefrontProcess.StartAsync(StorefrontProcess.NewWorkDir(), settings); // migrates the database
        var others = await Task.WhenAll(StorefrontProcess.StartAsync(StorefrontProcess.NewWorkDir(), settings), StorefrontProcess.StartAsync(StorefrontProcess.NewWorkDir(), settings));
        await using var second = others[0];
        await using var third = others[1];
        string[] nodes = [first.BaseUrl, second.BaseUrl, third.BaseUrl];
        using var storm = await Storm.CreateAsync(first, ClientCount);
        using var agency = new ResellerKitApi(nodes[1], storm.AgencyKey);
        var thin = (await agency.PostAsync("/api/v1/sub-accounts", new { name = "Thin client", email = $"thin-{Guid.NewGuid():N}@storm.example", creditMode = "reselling" }))
            .GetProperty("id").GetString()!;
        await agency.PostAsync($"/api/v1/sub-accounts/{thin}/grants", new { credits = ThinCredits, reason = "just enough" });
        var sessions = new List<StormSession>();
        for (var i = 0; i < SessionCount; i++)
        {
            sessions.Add(await storm.OpenCheckoutAsync(nodes[i % 3], storm.Clients[i % ClientCount]));
        }

        // The load, round-robin over the nodes: payments on another node than the one that opened the session.
        var thinOutcomes = new ConcurrentBag<HttpStatusCode>();
        var load = new List<Task>
        {
            Task.Run(async () => { for (var i = 0; i < SessionCount; i++) (await storm.PayAsync(nodes[(i + 1) % 3], sessions[i])).ShouldBeTrue($"paying {sessions[i].Id}"); }, Ct),
            Task.Run(async () => { for (var i = 0; i < 30; i++) await storm.GrantAsync(nodes[i % 3], storm.Clients[i % ClientCount], 10); }, Ct),
        };
        load.AddRange(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; n < 50; n++)
            {
                var debit = new StormDebit($"nodes-{worker}-{n}-{Guid.NewGuid():N}", storm.Clients[(worker + n) % ClientCount], 1 + (n % 3));
                storm.Debits[debit.Key] = debit;
                (await storm.DebitAsync(nodes[(worker + n) % 3], debit)).Status.ShouldBe(HttpStatusCode.Created);
            }
        })));
        load.AddRange(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; n < ThinCredits / 2; n++)
            {
                var (status, _) = await storm.DebitAsync(nodes[(worker + n) % 3], new StormDebit(Guid.NewGuid().ToString("N"), thin, 1));
                thinOutcomes.Add(status);
            }
        })));
        await Task.WhenAll(load);

        var paid = sessions.GroupBy(s => s.Client).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (client, node) in storm.Clients.Select((c, i) => (c, nodes[i % 3])))
        {
            var state = await Poll.UntilAsync(() => storm.ClientStateAsync(node, client), s => s.Fulfilled == paid[client], Patience);
            state.Fulfilled.ShouldBe(paid[client], $"client {client}: every paid session granted");
            state.Total.ShouldBe(paid[client]);
            state.Balance.ShouldBe(storm.ExpectedBalance(client, paid[client]), $"client {client}: start + grants + packs - debits, on {node}");
        }
        thinOutcomes.Count(s => s == HttpStatusCode.Created).ShouldBe((int)ThinCredits, "exactly the thin client's credits were spent, across three nodes");
        thinOutcomes.Count(s => s == HttpStatusCode.PaymentRequired).ShouldBe((int)ThinCredits, "the rest were refused, not overdrawn");
        (await agency.BalanceAsync(thin)).ShouldBe(0);

        // Each purchase's receipt arrives once, though three nodes poll one outbox.
        var expectedReceipts = storm.Clients.Select((c, i) => (storm.ClientEmail(i), paid[c])).ToDictionary();
        var receipts = await Poll.UntilAsync(() => ReceiptsAsync(mail), r => r.Values.Sum() >= SessionCount, Patience);
        receipts.OrderBy(r => r.Key).ShouldBe(expectedReceipts.OrderBy(r => r.Key), "one receipt per paid session, none twice");

        // The owner accepts the invite on node 2, signs in on node 1, and that cookie opens the back office on node 3.
        var invite = await mail.WaitForAsync(storm.OwnerEmail, "invited");
        var link = InviteLink().Match(invite.GetProperty("text").GetString()!);
        link.Success.ShouldBeTrue(invite.GetProperty("text").GetString());
        using var owner = new BackOfficeVisitor();
        (await owner.SubmitAsync($"{nodes[1]}/admin/accept-invite?{link.Groups[1].Value}", $"{nodes[1]}/admin/accept-invite?{link.Groups[1].Value}",
            ("_handler", "set-password"), ("Input.UserId", Uri.UnescapeDataString(link.Groups[2].Value)),
            ("Input.Token", Uri.UnescapeDataString(link.Groups[3].Value)), ("Input.Password", "Storm-Owner-Pass-1234"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var signedIn = new BackOfficeVisitor();
        var login = await signedIn.SubmitAsync($"{nodes[0]}/admin/login", $"{nodes[0]}/admin/login",
            ("_handler", "login"), ("Input.Email", storm.OwnerEmail), ("Input.Password", "Storm-Owner-Pass-1234"));
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect, await login.Content.ReadAsStringAsync(Ct));
        var (status, dashboard) = await signedIn.GetAsync($"{nodes[2]}/admin");
        status.ShouldBe(HttpStatusCode.OK, "node 3 reads node 1's cookie");
        dashboard.ShouldNotContain("Input.Password");
        dashboard.ShouldContain("Storm Agency");

        await Task.WhenAll(first.StopAsync(), second.StopAsync(), third.StopAsync());
        (await ReceiptsAsync(mail)).OrderBy(r => r.Key).ShouldBe(expectedReceipts.OrderBy(r => r.Key), "still no receipt sent twice");
        var verify = await StorefrontProcess.RunCommandAsync(StorefrontProcess.NewWorkDir(), settings, "ledger", "verify");
        verify.ExitCode.ShouldBe(0, verify.Output);
        verify.Output.ShouldContain("ledger verify: clean");
    }

    /// <summary>Receipts in maildev, counted per recipient.</summary>
    private static async Task<Dictionary<string, int>> ReceiptsAsync(MailDev mail) =>
        (await mail.AllAsync()).EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString()!.StartsWith("Receipt", StringComparison.Ordinal))
            .GroupBy(e => e.GetProperty("to")[0].GetProperty("address").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());

    [GeneratedRegex(@"/admin/accept-invite\?(user=([^&\s""]+)&(?:amp;)?token=([^\s""<>]+))")]
    private static partial Regex InviteLink();
}
