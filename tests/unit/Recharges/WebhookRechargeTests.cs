using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Tests.Unit.Webhooks;
using static ResellerKit.Tests.Unit.Webhooks.LoopbackServer;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>
/// The agency-server protocol in process, against a real Kestrel receiver on 127.0.0.1 that checks every signature
/// with <see cref="IndependentVerifier"/>: the request, the grant that closes it, duplicates, debt, expiry.
/// </summary>
public sealed class WebhookRechargeTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    [Fact]
    public async Task Usage_BelowThreshold_SendsOneSignedRequest_AndTheGrantClosesIt()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        var secret = await agency.SaveEndpointAsync(receiver.Url("/hooks"), "credit.recharge_requested");
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200);

        (await agency.Client.UsageAsync(subAccount, 60)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await agency.Client.UsageAsync(subAccount, 5)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var request = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 1);
        var body = JsonDocument.Parse(request[0].Body).RootElement;
        var data = body.GetProperty("data");
        var rechargeId = data.GetProperty("rechargeId").GetString()!;
        var granted = await (await agency.GrantRechargeAsync(subAccount, rechargeId, data.GetProperty("creditsRequested").GetInt64()))
            .ExpectAsync(HttpStatusCode.Created);

        request.Count.ShouldBe(1, "one recharge for two debits below the threshold");
        IndependentVerifier.Verifies(secret, request[0].Headers["webhook-id"], request[0].Headers["webhook-timestamp"], request[0].Body,
            request[0].Headers["webhook-signature"]).ShouldBeTrue();
        body.GetProperty("type").GetString().ShouldBe("credit.recharge_requested");
        data.GetProperty("subAccountId").GetString().ShouldBe(subAccount);
        data.GetProperty("creditsRequested").GetInt64().ShouldBe(160);
        data.GetProperty("balance").GetInt64().ShouldBe(40);
        granted.GetProperty("balance").GetInt64().ShouldBe(195);
        // The receiver has the request before the dispatcher records its answer, so the log may lag it briefly.
        var log = (await agency.WaitForRechargesAsync(subAccount,
            r => r.Count == 1 && r[0].GetProperty("deliveries") is { } d && d.GetArrayLength() > 0
                && d[0].GetProperty("state").GetString() != "pending")).Single();
        log.GetProperty("state").GetString().ShouldBe("granted");
        log.GetProperty("grant").GetProperty("credits").GetInt64().ShouldBe(160);
        log.GetProperty("deliveries")[0].GetProperty("state").GetString().ShouldBe("delivered");
        log.GetProperty("deliveries")[0].GetProperty("attempts")[0].GetProperty("statusCode").GetInt32().ShouldBe(200);
    }

    [Fact]
    public async Task Grant_ForARechargeTwice_ChangesNothing_WithOrWithoutTheIdempotencyKey()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200);
        await agency.Client.UsageAsync(subAccount, 60);
        var rechargeId = (await agency.RechargesAsync(subAccount)).Single().GetProperty("id").GetString()!;

        var first = await (await agency.GrantRechargeAsync(subAccount, rechargeId, 160)).ExpectAsync(HttpStatusCode.Created);
        var replay = await (await agency.GrantRechargeAsync(subAccount, rechargeId, 160)).ExpectAsync(HttpStatusCode.Created);
        var unkeyed = await (await agency.GrantRechargeAsync(subAccount, rechargeId, 160, withKey: false)).ExpectAsync(HttpStatusCode.Created);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => agency.GrantRechargeAsync(subAccount, rechargeId, 160, withKey: false)));

        first.GetProperty("balance").GetInt64().ShouldBe(200);
        replay.GetProperty("transactionId").GetString().ShouldBe(first.GetProperty("transactionId").GetString());
        unkeyed.GetProperty("transactionId").GetString().ShouldBe(first.GetProperty("transactionId").GetString());
        concurrent.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(200);
    }

    [Fact]
    public async Task Grant_ForARechargeOfAnAccountInDebt_RepaysTheDebtFirst()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = (await agency.CreateClientAsync()).SubAccountId;
        await api.BuyStarterPackAsync(agency, subAccount);
        (await agency.Client.UsageAsync(subAccount, 80)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var paymentIntent = (await agency.PurchaseAsync(subAccount)).GetProperty("paymentIntentId").GetString()!;
        await (await api.SandboxClient(await agency.StripeAccountAsync()).PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct)).ExpectAsync(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(async () => (await agency.SubAccountAsync(subAccount)).GetProperty("debtCredits").GetInt64(), d => d == 80);
        await (await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccount}/grants", new { credits = 100, reason = "Goodwill" }, Ct))
            .ExpectAsync(HttpStatusCode.Created);
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200);
        await agency.Client.UsageAsync(subAccount, 60);
        var rechargeId = (await agency.RechargesAsync(subAccount)).Single().GetProperty("id").GetString()!;

        var granted = await (await agency.GrantRechargeAsync(subAccount, rechargeId, 160)).ExpectAsync(HttpStatusCode.Created);

        granted.GetProperty("balance").GetInt64().ShouldBe(120, "40 left, 160 granted, 80 of them repaying the refund's debt");
        (await agency.SubAccountAsync(subAccount)).GetProperty("debtCredits").GetInt64().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Grant_ConcurrentForAnOpenRecharge_GrantsOnce()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200);
        await agency.Client.UsageAsync(subAccount, 60);
        var rechargeId = (await agency.RechargesAsync(subAccount)).Single().GetProperty("id").GetString()!;

        var grants = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => agency.GrantRechargeAsync(subAccount, rechargeId, 160, withKey: false)));
        var ids = await Task.WhenAll(grants.Select(async g => (await g.ExpectAsync(HttpStatusCode.Created)).GetProperty("transactionId").GetString()));

        ids.Distinct().Count().ShouldBe(1);
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(200);
    }

    [Fact]
    public async Task Recharge_NotGrantedInTime_Expires_AndALaterDipOpensANewOne()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await agency.AutoRechargeAsync(subAccount, "webhook", threshold: 50, target: 200);
        await agency.Client.UsageAsync(subAccount, 60);

        var expired = await agency.WaitForRechargesAsync(subAccount, r => r.Count == 1 && r[0].GetProperty("state").GetString() == "expired");
        await agency.Client.UsageAsync(subAccount, 10);
        var both = await agency.RechargesAsync(subAccount);

        expired[0].GetProperty("state").GetString().ShouldBe("expired");
        both.Count.ShouldBe(2);
        both[0].GetProperty("state").GetString().ShouldBe("open");
        both[0].GetProperty("creditsRequested").GetInt64().ShouldBe(170);
    }
}
