using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>A checkout session the storm pays: which client buys, and the sandbox's hosted checkout page.</summary>
public sealed record StormSession(string Id, string Client, string Url);

/// <summary>One keyed usage debit; <see cref="TransactionId"/> is set once a 201 came back for it.</summary>
public sealed record StormDebit(string Key, string Client, long Credits)
{
    public string? TransactionId { get; set; }
}

/// <summary>
/// A reselling agency with funded clients and a pack, and a load against it as real callers make it: buyers pressing
/// Pay on the sandbox's checkout page (whose webhooks grant the credits) and an agency's server recording usage with
/// Idempotency-Keys. It keeps the books of what was sent and what came back, for the tests to check the app against.
/// </summary>
public sealed class Storm(string agencyKey, string slug, string stripeAccount, string packId, IReadOnlyList<string> clients, string sandboxKey) : IDisposable
{
    public const string PlatformKey = "rk_platform_e2e_storm_key_0000000000001";
    public const long StartingCredits = 100_000;
    public const long PackCredits = 100;

    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public string AgencyKey => agencyKey;

    public string OwnerEmail => $"owner@{slug}.example";

    /// <summary>The email address of the client at <paramref name="index"/> in <see cref="Clients"/>.</summary>
    public string ClientEmail(int index) => $"client-{index}@{slug}.example";

    public IReadOnlyList<string> Clients => clients;

    public ConcurrentDictionary<string, StormDebit> Debits { get; } = new();

    /// <summary>Credits the agency granted to each client during the storm, beyond <see cref="StartingCredits"/>.</summary>
    public ConcurrentDictionary<string, long> Granted { get; } = new();

    public static Dictionary<string, string> Settings(string workDir) => new()
    {
        ["ResellerKit__PlatformApiKey"] = PlatformKey,
        ["ResellerKit__SeedDemo"] = "false",
        ["Email__PickupDirectory"] = Path.Combine(workDir, "mail"),
        ["Outbox__Lease"] = "00:00:05",
    };

    /// <summary>Postgres settings on a database of its own (the app creates and migrates it), or null without a server.</summary>
    public static Dictionary<string, string>? Postgres()
    {
        if (Environment.GetEnvironmentVariable("RESELLERKIT_TEST_POSTGRES") is not { Length: > 0 } admin)
        {
            return null;
        }
        var database = "rk_e2e_" + Guid.NewGuid().ToString("N")[..12];
        return new()
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Engine"] = System.Text.RegularExpressions.Regex.Replace(admin, "Database=[^;]*", "Database=" + database),
        };
    }

    /// <summary>
    /// An agency with <paramref name="clientCount"/> reselling clients holding <see cref="StartingCredits"/> each, and a pack,
    /// created through <paramref name="baseUrl"/> (the node itself by default, or a balancer in front of it).
    /// </summary>
    public static async Task<Storm> CreateAsync(StorefrontProcess node, int clientCount, string? baseUrl = null)
    {
        baseUrl ??= node.BaseUrl;
        using var platform = new ResellerKitApi(baseUrl, PlatformKey);
        await platform.SendAsync(HttpMethod.Put, "/api/v1/platform/minimum-prices/usd", new { unitAmountPerCredit = "0.05" }, HttpStatusCode.OK);
        var slug = "storm-" + Guid.NewGuid().ToString("N")[..10];
        var agency = await platform.PostAsync("/api/v1/agencies", new { name = "Storm Agency", slug, ownerEmail = $"owner@{slug}.example" });
        var agencyId = agency.GetProperty("id").GetString()!;
        await platform.PostAsync($"/api/v1/agencies/{agencyId}/grants", new { credits = StartingCredits * (clientCount + 1), reason = "storm" });
        using var api = new ResellerKitApi(baseUrl, agency.GetProperty("apiKey").GetString()!);
        var pack = (await api.PostAsync("/api/v1/packs", new { name = "Storm pack", credits = PackCredits, unitAmount = 1_000, currency = "usd" }))
            .GetProperty("id").GetString()!;
        var clients = new List<string>();
        for (var i = 0; i < clientCount; i++)
        {
            var client = await api.PostAsync("/api/v1/sub-accounts", new { name = $"Storm client {i}", email = $"client-{i}@{slug}.example", creditMode = "reselling" });
            clients.Add(client.GetProperty("id").GetString()!);
            await api.PostAsync($"/api/v1/sub-accounts/{clients[^1]}/grants", new { credits = StartingCredits, reason = "storm" });
        }
        var account = (await api.GetAsync("/api/v1/agency/stripe")).GetProperty("stripeAccountId").GetString()!;
        return new Storm(api.Key, slug, account, pack, clients, await node.SandboxKeyAsync());
    }

    public async Task<StormSession> OpenCheckoutAsync(string baseUrl, string client)
    {
        using var api = new ResellerKitApi(baseUrl, agencyKey);
        var session = await api.PostAsync($"/api/v1/sub-accounts/{client}/checkout-sessions", new { packId });
        return new StormSession(session.GetProperty("id").GetString()!, client, session.GetProperty("url").GetString()!);
    }

    /// <summary>Presses Pay with a Visa test card on the checkout page, served by <paramref name="baseUrl"/>: true when it redirected to success.</summary>
    public async Task<bool> PayAsync(string baseUrl, StormSession session)
    {
        var url = baseUrl + new Uri(session.Url).PathAndQuery;
        using var response = await http.PostAsync(url, new FormUrlEncodedContent([new("card", "Visa")]), Ct);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>Sends one keyed debit; returns the status and whether the answer was a replay.</summary>
    public async Task<(HttpStatusCode Status, bool Replayed)> DebitAsync(string baseUrl, StormDebit debit)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/v1/sub-accounts/{debit.Client}/usage")
        {
            Content = JsonContent.Create(new { credits = debit.Credits, description = "storm" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agencyKey);
        request.Headers.Add("Idempotency-Key", debit.Key);
        using var response = await http.SendAsync(request, Ct);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("transactionId").GetString();
            (debit.TransactionId ?? id).ShouldBe(id, $"the key {debit.Key} answered with two different transactions");
            debit.TransactionId = id;
        }
        return (response.StatusCode, response.Headers.Contains("Idempotent-Replayed"));
    }

    /// <summary>
    /// Posts <paramref name="events"/> as one <c>POST /api/v1/usage/batch</c>: every event must come back applied or a
    /// duplicate, with the same transaction every time it is answered. Returns each event's status, in order. Each event
    /// says what <see cref="DebitAsync"/> says, so that a retry of it through the single route is the same debit.
    /// </summary>
    public async Task<IReadOnlyList<string>> BatchAsync(string baseUrl, IReadOnlyList<StormDebit> events)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/v1/usage/batch")
        {
            Content = JsonContent.Create(new { events = events.Select(e => new { id = e.Key, subAccountId = e.Client, credits = e.Credits, description = "storm" }) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agencyKey);
        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var results = JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().ToList();
        var statuses = new List<string>();
        foreach (var (result, debit) in results.Zip(events))
        {
            var status = result.GetProperty("status").GetString()!;
            status.ShouldBeOneOf(["applied", "duplicate"], $"event {debit.Key}: {result}");
            var id = result.GetProperty("transactionId").GetString();
            (debit.TransactionId ?? id).ShouldBe(id, $"the event {debit.Key} answered with two different transactions");
            debit.TransactionId = id;
            statuses.Add(status);
        }
        return statuses;
    }

    /// <summary>Every usage transaction of the storm's agency, as the API lists them.</summary>
    public async Task<IReadOnlyList<string>> UsageTransactionsAsync(string baseUrl)
    {
        using var api = new ResellerKitApi(baseUrl, agencyKey);
        var ids = new List<string>();
        for (string? cursor = null; ;)
        {
            var page = await api.GetAsync($"/api/v1/transactions?type=usage&limit=500{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            if (page.GetProperty("nextCursor").GetString() is not { } next) return ids;
            cursor = next;
        }
    }

    /// <summary>The agency grants a client credits from its pool, keyed, on the node at <paramref name="baseUrl"/>.</summary>
    public async Task GrantAsync(string baseUrl, string client, long credits)
    {
        using var api = new ResellerKitApi(baseUrl, agencyKey);
        await api.PostAsync($"/api/v1/sub-accounts/{client}/grants", new { credits, reason = "storm top-up" }, idempotencyKey: Guid.NewGuid().ToString("N"));
        Granted.AddOrUpdate(client, credits, (_, sum) => sum + credits);
    }

    /// <summary>What the sandbox says of a session: paid or not.</summary>
    public async Task<bool> IsPaidAsync(string baseUrl, StormSession session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/stripe-sandbox/v1/checkout/sessions/{session.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sandboxKey);
        request.Headers.Add("Stripe-Account", stripeAccount);
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("payment_status").GetString() == "paid";
    }

    /// <summary>The client's purchases by state, and its balance.</summary>
    public async Task<(int Fulfilled, int Total, long Balance)> ClientStateAsync(string baseUrl, string client)
    {
        using var api = new ResellerKitApi(baseUrl, agencyKey);
        var purchases = (await api.GetAsync($"/api/v1/purchases?subAccountId={client}&limit=500")).GetProperty("data").EnumerateArray().ToList();
        return (purchases.Count(p => p.GetProperty("state").GetString() == "fulfilled"), purchases.Count, await api.BalanceAsync(client));
    }

    /// <summary>What a client's balance must be: its start, plus its grants, a pack per paid session, less every debit applied once.</summary>
    public long ExpectedBalance(string client, int paidSessions) =>
        StartingCredits + Granted.GetValueOrDefault(client) + (PackCredits * paidSessions) - Debits.Values.Where(d => d.Client == client && d.TransactionId is not null).Sum(d => d.Credits);

    public void Dispose() => http.Dispose();
}
