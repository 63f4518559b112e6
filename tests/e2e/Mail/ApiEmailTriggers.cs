using System.Net;
using System.Net.Http.Headers;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Mail;

/// <summary>
/// The emails an agency's server and its clients' payments cause, through the public API and the built-in Stripe
/// sandbox's checkout page with its test cards: credentials, an ownership transfer, receipt, refund, low balance, the
/// auto-recharge mails, and (last, since it ends the key) the owners' notice of a replaced API key.
/// </summary>
public sealed class ApiEmailTriggers(ResellerKitApi api, string baseUrl, string sandboxKey, Action<string, string, int> expect)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public async Task RunAsync(string ownerEmail)
    {
        var (_, credentials) = await NewClientAsync("credentials");
        expect("SubAccountCredentials", credentials, 1);

        var (handedOver, handedOverEmail) = await NewClientAsync("ownership");
        await api.PostAsync($"/api/v1/sub-accounts/{handedOver}/ownership-transfer", new { });
        expect("OwnershipTransfer", handedOverEmail, 1);

        var (buyer, buyerEmail) = await NewClientAsync("buyer");
        await BuyStarterAsync(buyer, "Visa");
        expect("PurchaseReceipt", buyerEmail, 1);
        await RefundAsync(buyer);
        expect("Refund", buyerEmail, 1);

        var (low, lowEmail) = await NewClientAsync("low");
        await api.PostAsync($"/api/v1/sub-accounts/{low}/grants", new { credits = 100, reason = "opening balance" });
        await api.SendAsync(HttpMethod.Patch, $"/api/v1/sub-accounts/{low}", new { lowBalanceAlert = new { thresholdCredits = 50 } }, HttpStatusCode.OK);
        await api.PostAsync($"/api/v1/sub-accounts/{low}/usage", new { credits = 60 });
        expect("LowBalance", lowEmail, 1);

        var (needsAuth, needsAuthEmail) = await NewClientAsync("3ds");
        await BuyStarterAsync(needsAuth, "RequiresAuthentication");
        await AutoRechargeAsync(needsAuth);
        await api.PostAsync($"/api/v1/sub-accounts/{needsAuth}/usage", new { credits = 60 });
        expect("RechargeNeedsAuthentication", needsAuthEmail, 1);

        var (declined, declinedEmail) = await NewClientAsync("declined");
        await BuyStarterAsync(declined, "DeclinesOffSession");
        await AutoRechargeAsync(declined);
        for (var failures = 1; failures <= 3; failures++)
        {
            await api.PostAsync($"/api/v1/sub-accounts/{declined}/usage", new { credits = failures == 1 ? 60 : 1 });
            var expected = failures;
            var recharges = await Poll.UntilAsync(() => api.GetAsync($"/api/v1/sub-accounts/{declined}/recharges"),
                r => r.GetProperty("data").GetArrayLength() == expected
                    && r.GetProperty("data").EnumerateArray().All(x => x.GetProperty("state").GetString() == "failed"), Patience);
            recharges.GetProperty("data").GetArrayLength().ShouldBe(expected, "each dip below the threshold fails once with the declining card");
        }
        expect("AutoRechargePaused", declinedEmail, 1);
        expect("AutoRechargePaused", ownerEmail, 1);

        // Last: the key this run used stops working.
        await api.PostAsync("/api/v1/agency/api-keys/rotate", new { }, HttpStatusCode.OK);
        expect("ApiKeyReplaced", ownerEmail, 1);
    }

    private async Task<(string Id, string Email)> NewClientAsync(string tag)
    {
        var email = $"{tag}-{Guid.NewGuid().ToString("N")[..8]}@mail-proof.example";
        var created = await api.PostAsync("/api/v1/sub-accounts", new { name = "Proof " + tag, email, creditMode = "reselling" });
        return (created.GetProperty("id").GetString()!, email);
    }

    // The client buys the Starter pack (100 credits) on the sandbox's checkout page with a test card, as a buyer would.
    private async Task BuyStarterAsync(string subAccount, string card)
    {
        var packs = await api.GetAsync("/api/v1/packs");
        var starter = packs.GetProperty("data").EnumerateArray().First(p => p.GetProperty("name").GetString() == "Starter").GetProperty("id").GetString();
        var session = await api.PostAsync($"/api/v1/sub-accounts/{subAccount}/checkout-sessions", new { packId = starter });
        var url = session.GetProperty("url").GetString()!;
        using var buyer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        (await buyer.GetStringAsync(url, Ct)).ShouldContain(">Pay</button>");
        using var paid = await buyer.PostAsync(url, new FormUrlEncodedContent([new("card", card)]), Ct);
        ((int)paid.StatusCode).ShouldBeInRange(200, 399, $"paying with {card}");
        (await Poll.UntilAsync(() => api.BalanceAsync(subAccount), b => b == 100, Patience)).ShouldBe(100);
    }

    // The agency refunds the payment in Stripe (the sandbox's API, as the connected account); Stripe tells the app.
    private async Task RefundAsync(string subAccount)
    {
        var account = (await api.GetAsync("/api/v1/agency/stripe")).GetProperty("stripeAccountId").GetString()!;
        var paymentIntent = (await api.GetAsync($"/api/v1/purchases?subAccountId={subAccount}")).GetProperty("data")[0].GetProperty("paymentIntentId").GetString()!;
        using var stripe = new HttpClient { BaseAddress = new Uri(baseUrl) };
        stripe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandboxKey);
        stripe.DefaultRequestHeaders.Add("Stripe-Account", account);
        using var refund = await stripe.PostAsync("/stripe-sandbox/v1/refunds", new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct);
        refund.StatusCode.ShouldBe(HttpStatusCode.OK, await refund.Content.ReadAsStringAsync(Ct));
        var purchase = await Poll.UntilAsync(() => api.GetAsync($"/api/v1/purchases?subAccountId={subAccount}"),
            p => p.GetProperty("data")[0].GetProperty("state").GetString() == "refunded", Patience);
        purchase.GetProperty("data")[0].GetProperty("state").GetString().ShouldBe("refunded");
    }

    private Task AutoRechargeAsync(string subAccount) =>
        api.SendAsync(HttpMethod.Patch, $"/api/v1/sub-accounts/{subAccount}",
            new { autoRecharge = new { enabled = true, provider = "stripe", thresholdCredits = 50, targetCredits = 200 } }, HttpStatusCode.OK);
}
