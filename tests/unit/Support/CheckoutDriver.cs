using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ResellerKit.Storefront.StripeSandbox;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Buying credits in tests: packs, checkout sessions, the sandbox's Pay button, and signed webhooks.</summary>
public static class CheckoutDriver
{
    public static async Task SetMinimumAsync(this ApiFixture api, string currency, string perCredit, string? fee = null) =>
        await (await api.Platform().PutAsJsonAsync($"/api/v1/platform/minimum-prices/{currency}",
            new { unitAmountPerCredit = perCredit, platformFeePerCredit = fee }, Ct)).ExpectAsync(HttpStatusCode.OK);

    public static async Task<string> CreatePackAsync(this TestAgency agency, string name, long credits, long unitAmount, string currency = "usd")
    {
        var response = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name, credits, unitAmount, currency }, Ct);
        return (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<string> StripeAccountAsync(this TestAgency agency) =>
        (await (await agency.Client.GetAsync("/api/v1/agency/stripe", Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("stripeAccountId").GetString()!;

    public static Task<HttpResponseMessage> CheckoutAsync(this TestAgency agency, string subAccount, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccount}/checkout-sessions") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return agency.Client.SendAsync(request, Ct);
    }

    /// <summary>Opens the checkout and presses Pay with a test card, as a buyer would; returns the redirect.</summary>
    public static async Task<HttpResponseMessage> PayAsync(this ApiFixture api, string checkoutUrl, TestCard card = TestCard.Visa)
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync(checkoutUrl, Ct);
        page.ShouldContain(">Pay</button>");
        return await client.PostAsync(checkoutUrl, new FormUrlEncodedContent([new("card", card.ToString())]), Ct);
    }

    /// <summary>The sandbox's Stripe API as the agency's connected account (refunds, disputes).</summary>
    public static HttpClient SandboxClient(this ApiFixture api, string account)
    {
        var client = api.WithKey(api.SandboxKey);
        client.DefaultRequestHeaders.Add("Stripe-Account", account);
        return client;
    }

    /// <summary>The sub-account buys a "Starter" pack (100 credits for $15) and pays with the card; returns the session id once granted.</summary>
    public static async Task<string> BuyStarterPackAsync(this ApiFixture api, TestAgency agency, string subAccount, TestCard card = TestCard.Visa)
    {
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        await api.PayAsync(session.GetProperty("url").GetString()!, card);
        (await agency.WaitForBalanceAsync(subAccount, 100)).ShouldBe(100);
        return session.GetProperty("id").GetString()!;
    }

    /// <summary>An agency selling a $15.00 "Starter" pack of 100 credits, and a reselling sub-account of it.</summary>
    public static async Task<(TestAgency Agency, string SubAccount, string Pack)> ResellerWithPackAsync(this ApiFixture api)
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        return (agency, await agency.CreateSubAccountAsync("reselling"), pack);
    }

    public static Task<long?> WaitForBalanceAsync(this TestAgency agency, string subAccount, long expected) =>
        Eventually.ReturnsAsync(async () => (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64() as long?, b => b == expected);

    public static async Task<JsonElement> PurchaseAsync(this TestAgency agency, string subAccount) =>
        (await (await agency.Client.GetAsync($"/api/v1/purchases?subAccountId={subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("data")[0];

    /// <summary>The newest sandbox event of a type for an account, as the raw JSON Stripe would send.</summary>
    public static async Task<string> SandboxEventAsync(this ApiFixture api, string account, string type)
    {
        var client = api.SandboxClient(account);
        var list = await (await client.GetAsync($"/stripe-sandbox/v1/events?type={type}&limit=1", Ct)).ExpectAsync(HttpStatusCode.OK);
        return list.GetProperty("data")[0].GetRawText();
    }

    public static Task<HttpResponseMessage> PostWebhookAsync(this ApiFixture api, string payload, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        return api.CreateClient().SendAsync(request, Ct);
    }

    /// <summary>Signs an event as the install's sandbox does (with its own webhook secret, unless another is given).</summary>
    public static string Sign(this ApiFixture api, string payload, DateTimeOffset? at = null, string? secret = null) =>
        WebhookSignature.Header(payload, secret ?? api.WebhookSecret, at ?? DateTimeOffset.UtcNow);
}
