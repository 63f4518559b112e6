using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
