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
/// a buyer's Pay press to its purchase's fulfilment (the credits granted), over every session.
/// </summary>
public static class CheckoutFigure
{
    private const int Buyers = 16;
    private const long PackCredits = 100;

    public static async Task<int> RunAsync(string dll, int sessions)
    {
        // The built-in Stripe sandbox (the published app turns payments on only when told which provider to use).
        await using var host = await StorefrontHost.StartAsync(dll, new Dictionary<string, string> { ["Stripe__Mode"] = "Sandbox" });
        var platform = Client(host.BaseUrl, StorefrontHost.PlatformKey);
        await SendAsync(platform, HttpMethod.Put, "/api/v1/platform/minimum-prices/usd", new { unitAmountPerCredit = "0.5" });
        var created = await SendAsync(platform, HttpMethod.Post, "/api/v1/agencies",
            new { name = "Checkout Agency", slug = "checkout-bench", ownerEmail = "owner@checkout.example" });
        var agency = Client(host.BaseUrl, created.GetProperty("apiKey").GetString()!);
        var pack = (await SendAsync(agency, HttpMethod.Post, "/api/v1/packs", new { name = "Starter", credits = PackCredits, unitAmount = 1_500, currency = "usd" }))
            .GetProperty("id").GetString();
        var clients = new List<string>();
        for (var i = 0; i < Buyers; i++)
        {
            clients.Add((await SendAsync(agency, HttpMethod.Post, "/api/v1/sub-accounts",
                new { name = $"Buyer {i}", email = $"buyer{i}@checkout.example", creditMode = "reselling" })).GetProperty("id").GetString()!);
        }
        var opened = new (string Id, string Url)[sessions];
        await Parallel.ForAsync(0, sessions, new ParallelOptions { MaxDegreeOfParallelism = Buyers }, async (n, _) =>
        {
            var session = await SendAsync(agency, HttpMethod.Post, $"/api/v1/sub-accounts/{clients[n % Buyers]}/checkout-sessions", new { packId = pack });
            opened[n] = (session.GetProperty("id").GetString()!, session.GetProperty("url").GetString()!);
        });
        Console.WriteLine($"  {sessions} checkout sessions open; {Buyers} buyers pay them");

        var firstPay = DateTimeOffset.UtcNow;
        var pressed = new ConcurrentDictionary<string, DateTimeOffset>();
        var paid = (await Task.WhenAll(Enumerable.Range(0, Buyers).Select(b => PayAsync(opened.Where((_, n) => n % Buyers == b).ToList(), pressed)))).Sum();
        var payingTook = DateTimeOffset.UtcNow - firstPay;
        var grants = await WaitForGrantsAsync(agency, sessions);
        var (fulfilled, lastGrant) = (grants.Count, grants.Count == 0 ? DateTimeOffset.UtcNow : grants.Values.Max());
        var waits = grants.Where(g => pressed.ContainsKey(g.Key)).Select(g => (g.Value - pressed[g.Key]).TotalMilliseconds).Order().ToList();
        var balances = 0L;
        foreach (var client in clients) balances += (await SendAsync(agency, HttpMethod.Get, $"/api/v1/sub-accounts/{client}/balance")).GetProperty("balance").GetInt64();
        var rate = fulfilled / Math.Max(0.001, (lastGrant - firstPay).TotalSeconds);
        Console.WriteLine($"  paying took {payingTook.TotalSeconds:0.0} s; last grant {(lastGrant - firstPay).TotalSeconds:0.0} s after the first payment; " +
            $"balances {balances:N0} credits for {fulfilled} packs of {PackCredits}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"P4 stripe-webhooks: events={rate:0}/s grants={fulfilled}/{paid} credits_p50={Percentile(waits, 0.50):0}ms credits_p99={Percentile(waits, 0.99):0}ms"));
        return fulfilled == paid && paid == sessions && balances == fulfilled * PackCredits ? 0 : 1;
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

    /// <summary>Polls the purchases until every session is fulfilled (or two minutes pass): each session's fulfilment time.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> WaitForGrantsAsync(HttpClient agency, int sessions)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            var fulfilled = new Dictionary<string, DateTimeOffset>();
            for (string? cursor = null, first = "1"; first is not null || cursor is not null; first = null)
            {
                var page = await SendAsync(agency, HttpMethod.Get, "/api/v1/purchases?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                foreach (var purchase in page.GetProperty("data").EnumerateArray())
                {
                    if (purchase.GetProperty("fulfilledAt") is { ValueKind: JsonValueKind.String } at)
                    {
                        fulfilled[purchase.GetProperty("checkoutSessionId").GetString()!] = at.GetDateTimeOffset();
                    }
                }
                cursor = page.GetProperty("nextCursor").GetString();
            }
            if (fulfilled.Count >= sessions || DateTimeOffset.UtcNow > deadline) return fulfilled;
            await Task.Delay(250);
        }
    }
}
