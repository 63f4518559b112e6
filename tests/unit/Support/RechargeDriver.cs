using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.StripeSandbox;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Auto-recharge and agency webhooks in tests, spoken in the API's own JSON.</summary>
public static class RechargeDriver
{
    /// <summary>A reselling sub-account holding <paramref name="balance"/> credits (granted by the agency).</summary>
    public static async Task<string> ResellingSubAccountAsync(this TestAgency agency, long balance)
    {
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        if (balance > 0)
        {
            await agency.GrantAsync(subAccount, balance);
        }
        return subAccount;
    }

    /// <summary>A reselling client whose first purchase (100 credits for $15) saved the card on the agency's account.</summary>
    public static async Task<(TestAgency Agency, string SubAccount)> ClientWhoBoughtWithAsync(this ApiFixture api, TestCard card)
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await api.BuyStarterPackAsync(agency, subAccount, card);
        return (agency, subAccount);
    }

    public static async Task<JsonElement> AutoRechargeAsync(
        this TestAgency agency, string subAccount, string provider, long threshold, long target, long? monthlySpendCap = null, int? maxPerDay = null)
    {
        var response = await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new
        {
            autoRecharge = new { enabled = true, provider, thresholdCredits = threshold, targetCredits = target, monthlySpendCap, maxPerDay },
        }, Ct);
        return await response.ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>Turns the sub-account's auto-recharge off, as the agency's Settings do.</summary>
    public static async Task TurnAutoRechargeOffAsync(this TestAgency agency, string subAccount) =>
        await (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new { autoRecharge = (object?)null }, Ct))
            .ExpectAsync(HttpStatusCode.OK);

    /// <summary>Starts (<c>refuse</c>, <c>lose_answers</c>) or ends (<c>off</c>) an outage of the account's payment intents at the sandbox.</summary>
    public static async Task OutageAsync(this ApiFixture api, string account, string mode) =>
        await (await api.SandboxClient(account).PostAsync("/stripe-sandbox/v1/test_helpers/outages",
            new FormUrlEncodedContent([new("mode", mode)]), Ct)).ExpectAsync(HttpStatusCode.OK);

    /// <summary>
    /// Waits until a Stripe recharge's charge has failed and its retry is scheduled (the outbox message holds the error),
    /// that is, after Stripe.net's own quick retries of the call gave up too.
    /// </summary>
    public static Task<string?> WaitForRetryAsync(this ApiFixture api, string rechargeId) =>
        Eventually.ReturnsAsync(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            return await db.OutboxMessages.AsNoTracking().Where(m => m.MessageId == $"recharge-{rechargeId}" && m.CompletedAt == null)
                .Select(m => m.LastError).SingleOrDefaultAsync(Ct);
        }, error => error is not null);

    /// <summary>The payment intents the sandbox holds for a recharge (by the recharge id in their metadata): what the card was charged.</summary>
    public static async Task<List<JsonElement>> ChargesForRechargeAsync(this ApiFixture api, string account, string rechargeId) =>
        (await (await api.SandboxClient(account).GetAsync("/stripe-sandbox/v1/payment_intents?limit=100", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("data").EnumerateArray()
            .Where(i => i.GetProperty("metadata").TryGetProperty("resellerkit_recharge_id", out var id) && id.GetString() == rechargeId).ToList();

    public static async Task<JsonElement> SubAccountAsync(this TestAgency agency, string subAccount) =>
        await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK);

    public static async Task<List<JsonElement>> RechargesAsync(this TestAgency agency, string subAccount) =>
        (await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}/recharges", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("data").EnumerateArray().ToList();

    /// <summary>Waits until the sub-account's recharges match, and returns them (newest first).</summary>
    public static Task<List<JsonElement>> WaitForRechargesAsync(this TestAgency agency, string subAccount, Func<List<JsonElement>, bool> done) =>
        Eventually.ReturnsAsync(() => agency.RechargesAsync(subAccount), done);

    /// <summary>Saves the agency's endpoint and returns its secret.</summary>
    public static async Task<string> SaveEndpointAsync(this TestAgency agency, string url, params string[] events)
    {
        var response = await agency.Client.PutAsJsonAsync("/api/v1/webhook-endpoint",
            new { url, events = events.Length > 0 ? events : new[] { "credit.recharge_requested", "credit.balance_low", "credit.purchased", "sub_account.created" } }, Ct);
        return (await response.ExpectAsync(HttpStatusCode.OK)).GetProperty("secret").GetString()!;
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(this TestAgency agency, string? eventType = null) =>
        (await (await agency.Client.GetAsync("/api/v1/webhook-deliveries" + (eventType is null ? "" : $"?eventType={eventType}"), Ct))
            .ExpectAsync(HttpStatusCode.OK)).GetProperty("data").EnumerateArray().ToList();

    public static Task<HttpResponseMessage> GrantRechargeAsync(this TestAgency agency, string subAccount, string rechargeId, long credits, bool withKey = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccount}/grants")
        {
            Content = JsonContent.Create(new { credits, reason = "Auto-recharge paid by the agency", reference = rechargeId }),
        };
        if (withKey)
        {
            request.Headers.Add("Idempotency-Key", rechargeId);
        }
        return agency.Client.SendAsync(request, Ct);
    }

    public static async Task<long> CurrentBalanceAsync(this TestAgency agency, string subAccount) =>
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64();
}
