using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using static ResellerKit.Bench.BenchApi;

namespace ResellerKit.Bench.Load.Checkout;

/// <summary>
/// Figure P4: Stripe webhooks processed per second. N checkout sessions for a pack are paid on the built-in Stripe
/// sandbox's checkout page by 16 buyers at once, as buyers would; the sandbox delivers each
/// <c>checkout.session.completed</c> as a signed webhook through its outbox, and the Storefront grants the pack. The
/// rate is N over the time from the first Pay press to the last purchase's fulfilment; grants counts the purchases
/// fulfilled over the sessions paid, and every sub-account's balance must be exactly its packs. credits_p50/p99: from
/// a buyer's Pay press to its purchase's fulfilment (the credits granted), over every session. As P1 and P2 warm up
/// before they measure, <c>warmUp</c> sessions of 16 other buyers are paid and granted first (and reported on a line of
/// their own), so that the figure is the rate of a running process rather than of the JIT compiling the path.
/// </summary>
public static class CheckoutFigure
{
    private const int Buyers = 16;
    private const long PackCredits = 100;

    public static async Task<int> RunAsync(string dll, int warmUp, int sessions)
    {
        // The built-in Stripe sandbox (the published app turns payments on only when told which provider to use).
        await using var host = await StorefrontHost.StartAsync(dll, VolumeNode.Environment(new Dictionary<string, string> { ["Stripe__Mode"] = "Sandbox" }));
        var platform = Client(host.BaseUrl, StorefrontHost.PlatformKey);
        await SendAsync(platform, HttpMethod.Put, "/api/v1/platform/minimum-prices/usd", new { unitAmountPerCredit = "0.5" });
        var created = await SendAsync(platform, HttpMethod.Post, "/api/v1/agencies",
            new { name = "Checkout Agency", slug = "checkout-bench", ownerEmail = "owner@checkout.example" });
        var agency = Client(host.BaseUrl, created.GetProperty("apiKey").GetString()!);
        var pack = (await SendAsync(agency, HttpMethod.Post, "/api/v1/packs", new { name = "Starter", credits = PackCredits, unitAmount = 1_500, currency = "usd" }))
            .GetProperty("id").GetString();
        var warmedUp = true;
        if (warmUp > 0)
        {
            var warmBuyers = await BuyersAsync(agency, "warm-up");
            var warm = await OpenAsync(agency, warmBuyers, pack!, warmUp);
            var (warmPaid, warmGrants, warmWaits, warmStart, _) = await PayAllAsync(agency, warmBuyers, warm);
            warmedUp = warmPaid == warmUp && warmGrants.Count == warmUp;
            var warmLast = warmGrants.Count == 0 ? DateTimeOffset.UtcNow : warmGrants.Values.Max();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  warm-up: {warmUp} sessions, events={warmGrants.Count / Math.Max(0.001, (warmLast - warmStart).TotalSeconds):0}/s grants={warmGrants.Count}/{warmPaid} " +
                $"credits_p50={Percentile(warmWaits, 0.50):0}ms credits_p99={Percentile(warmWaits, 0.99):0}ms"));
        }
        var clients = await BuyersAsync(agency, "buyer");
        var opened = await OpenAsync(agency, clients, pack!, sessions);
        Console.WriteLine($"  {sessions} checkout sessions open; {Buyers} buyers pay them");

        var (paid, grants, waits, firstPay, payingTook) = await PayAllAsync(agency, clients, opened);
        var (fulfilled, lastGrant) = (grants.Count, grants.Count == 0 ? DateTimeOffset.UtcNow : grants.Values.Max());
        var balances = await BalancesAsync(agency, clients);
        var rate = fulfilled / Math.Max(0.001, (lastGrant - firstPay).TotalSeconds);
        Console.WriteLine($"  paying took {payingTook.TotalSeconds:0.0} s; last grant {(lastGrant - firstPay).TotalSeconds:0.0} s after the first payment; " +
            $"balances {balances:N0} credits for {fulfilled} packs of {PackCredits}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"P4 stripe-webhooks: events={rate:0}/s grants={fulfilled}/{paid} credits_p50={Percentile(waits, 0.50):0}ms credits_p99={Percentile(waits, 0.99):0}ms"));
        return warmedUp && fulfilled == paid && paid == sessions && balances == fulfilled * PackCredits ? 0 : 1;
    }

    /// <summary>The 16 buyers (reselling sub-accounts) who pay the sessions.</summary>
    private static async Task<List<string>> BuyersAsync(HttpClient agency, string name)
    {
        var clients = new List<string>();
        for (var i = 0; i < Buyers; i++)
        {
            clients.Add((await SendAsync(agency, HttpMethod.Post, "/api/v1/sub-accounts",
                new { name = $"{name} {i}", email = $"{name}{i}@checkout.example", creditMode = "reselling" })).GetProperty("id").GetString()!);
        }
        return clients;
    }

    /// <summary>Opens <paramref name="sessions"/> checkout sessions for the pack, spread over the buyers.</summary>
    private static async Task<(string Id, string Url)[]> OpenAsync(HttpClient agency, List<string> clients, string pack, int sessions)
    {
        var opened = new (string Id, string Url)[sessions];
        await Parallel.ForAsync(0, sessions, new ParallelOptions { MaxDegreeOfParallelism = Buyers }, async (n, _) =>
        {
            var session = await SendAsync(agency, HttpMethod.Post, $"/api/v1/sub-accounts/{clients[n % Buyers]}/checkout-sessions", new { packId = pack });
            opened[n] = (session.GetProperty("id").GetString()!, session.GetProperty("url").GetString()!);
        });
        return opened;
    }

    /// <summary>The buyers pay the sessions; then waits for their grants. Sessions paid, each one's fulfilment, the Pay-to-credits waits (sorted) and the first Pay.</summary>
    private static async Task<(int Paid, Dictionary<string, DateTimeOffset> Grants, List<double> Waits, DateTimeOffset FirstPay, TimeSpan PayingTook)> PayAllAsync(
        HttpClient agency, List<string> clients, (string Id, string Url)[] opened)
    {
        var firstPay = DateTimeOffset.UtcNow;
        var pressed = new ConcurrentDictionary<string, DateTimeOffset>();
        var paid = (await Task.WhenAll(Enumerable.Range(0, Buyers).Select(b => PayAsync(opened.Where((_, n) => n % Buyers == b).ToList(), pressed)))).Sum();
        var payingTook = DateTimeOffset.UtcNow - firstPay;
        var grants = await WaitForGrantsAsync(agency, clients, opened.Select(o => o.Id).ToHashSet());
        var waits = grants.Where(g => pressed.ContainsKey(g.Key)).Select(g => (g.Value - pressed[g.Key]).TotalMilliseconds).Order().ToList();
        return (paid, grants, waits, firstPay, payingTook);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    /// <summary>Opens each checkout page and presses Pay with the sandbox's Visa test card; counts the redirects back.</summary>
    private static async Task<int> PayAsync(IReadOnlyList<(string Id, string Url)> sessions, ConcurrentDictionary<string, DateTimeOffset> pressed)
    {
        using var buyer = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var paid = 0;
        foreach (var (id, url) in sessions)
        {
            (await buyer.GetAsync(url)).EnsureSuccessStatusCode();
            pressed[id] = DateTimeOffset.UtcNow;
            using var pay = await buyer.PostAsync(url, new FormUrlEncodedContent([new("card", "Visa")]));
            if ((int)pay.StatusCode is >= 300 and < 400) paid++;
            else Console.WriteLine($"  pay {url} answered {(int)pay.StatusCode}");
        }
        return paid;
    }

    /// <summary>
    /// Waits until the buyers' balances hold every session's pack (or two minutes pass), then lists the purchases once:
    /// each session's fulfilment time, as the server stamped it. Polling the 16 balances rather than the whole purchase
    /// list keeps the wait from loading the server it measures (listing every purchase four times a second cost about 3%
    /// of its CPU at 1,000 sessions, and grew with them).
    /// </summary>
    private static async Task<Dictionary<string, DateTimeOffset>> WaitForGrantsAsync(HttpClient agency, List<string> clients, IReadOnlySet<string> sessions)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (DateTimeOffset.UtcNow < deadline && await BalancesAsync(agency, clients) < sessions.Count * PackCredits)
        {
            await Task.Delay(250);
        }
        var fulfilled = new Dictionary<string, DateTimeOffset>();
        for (string? cursor = null, first = "1"; first is not null || cursor is not null; first = null)
        {
            var page = await SendAsync(agency, HttpMethod.Get, "/api/v1/purchases?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            foreach (var purchase in page.GetProperty("data").EnumerateArray())
            {
                if (purchase.GetProperty("fulfilledAt") is { ValueKind: JsonValueKind.String } at
                    && purchase.GetProperty("checkoutSessionId").GetString() is { } session && sessions.Contains(session))
                {
                    fulfilled[session] = at.GetDateTimeOffset();
                }
            }
            cursor = page.GetProperty("nextCursor").GetString();
        }
        return fulfilled;
    }

    private static async Task<long> BalancesAsync(HttpClient agency, List<string> clients)
    {
        var balances = 0L;
        foreach (var client in clients) balances += (await SendAsync(agency, HttpMethod.Get, $"/api/v1/sub-accounts/{client}/balance")).GetProperty("balance").GetInt64();
        return balances;
    }
}
