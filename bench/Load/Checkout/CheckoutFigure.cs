using System.Globalization;
using System.Text.Json;
using static ResellerKit.Bench.BenchApi;

namespace ResellerKit.Bench.Load.Checkout;

/// <summary>
/// Figure P4: Stripe webhooks processed per second. N checkout sessions for a pack are paid on the built-in Stripe
/// sandbox's checkout page by 16 buyers at once, as buyers would; the sandbox delivers each
/// <c>checkout.session.completed</c> as a signed webhook through its outbox, and the Storefront grants the pack. The
/// rate is N over the time from the first Pay press to the last purchase's fulfilment; grants counts the purchases
/// fulfilled over the sessions paid, and every sub-account's balance must be exactly its packs.
/// </summary>
public static class CheckoutFigure
{
    private const int Buyers = 16;
    private const long PackCredits = 100;

    public static async Task<int> RunAsync(string dll, int sessions)
    {
        await using var host = await StorefrontHost.StartAsync(dll);
        var platform = Client(host.BaseUrl, StorefrontHost.PlatformKey);
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
        var urls = new string[sessions];
        await Parallel.ForAsync(0, sessions, new ParallelOptions { MaxDegreeOfParallelism = Buyers }, async (n, _) =>
            urls[n] = (await SendAsync(agency, HttpMethod.Post, $"/api/v1/sub-accounts/{clients[n % Buyers]}/checkout-sessions", new { packId = pack }))
                .GetProperty("url").GetString()!);
        Console.WriteLine($"  {sessions} checkout sessions open; {Buyers} buyers pay them");

        var firstPay = DateTimeOffset.UtcNow;
        var paid = (await Task.WhenAll(Enumerable.Range(0, Buyers).Select(b => PayAsync(urls.Where((_, n) => n % Buyers == b).ToList())))).Sum();
        var payingTook = DateTimeOffset.UtcNow - firstPay;
        var (fulfilled, lastGrant) = await WaitForGrantsAsync(agency, sessions);
        var balances = 0L;
        foreach (var client in clients) balances += (await SendAsync(agency, HttpMethod.Get, $"/api/v1/sub-accounts/{client}/balance")).GetProperty("balance").GetInt64();
        var rate = fulfilled / Math.Max(0.001, (lastGrant - firstPay).TotalSeconds);
        Console.WriteLine($"  paying took {payingTook.TotalSeconds:0.0} s; last grant {(lastGrant - firstPay).TotalSeconds:0.0} s after the first payment; " +
            $"balances {balances:N0} credits for {fulfilled} packs of {PackCredits}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P4 stripe-webhooks: events={rate:0}/s grants={fulfilled}/{paid}"));
        return fulfilled == paid && paid == sessions && balances == fulfilled * PackCredits ? 0 : 1;
    }

    /// <summary>Opens each checkout page and presses Pay with the sandbox's Visa test card; counts the redirects back.</summary>
    private static async Task<int> PayAsync(IReadOnlyList<string> urls)
    {
        using var buyer = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var paid = 0;
        foreach (var url in urls)
        {
            (await buyer.GetAsync(url)).EnsureSuccessStatusCode();
            using var pay = await buyer.PostAsync(url, new FormUrlEncodedContent([new("card", "Visa")]));
            if ((int)pay.StatusCode is >= 300 and < 400) paid++;
            else Console.WriteLine($"  pay {url} answered {(int)pay.StatusCode}");
        }
        return paid;
    }

    /// <summary>Polls the purchases until every session is fulfilled (or two minutes pass); the latest fulfilment time.</summary>
    private static async Task<(int Fulfilled, DateTimeOffset Last)> WaitForGrantsAsync(HttpClient agency, int sessions)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            var fulfilled = new List<DateTimeOffset>();
            for (string? cursor = null, first = "1"; first is not null || cursor is not null; first = null)
            {
                var page = await SendAsync(agency, HttpMethod.Get, "/api/v1/purchases?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                foreach (var purchase in page.GetProperty("data").EnumerateArray())
                {
                    if (purchase.GetProperty("fulfilledAt") is { ValueKind: JsonValueKind.String } at) fulfilled.Add(at.GetDateTimeOffset());
                }
                cursor = page.GetProperty("nextCursor").GetString();
            }
            if (fulfilled.Count >= sessions || DateTimeOffset.UtcNow > deadline) return (fulfilled.Count, fulfilled.Count == 0 ? DateTimeOffset.UtcNow : fulfilled.Max());
            await Task.Delay(250);
        }
    }
}
