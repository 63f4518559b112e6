using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Tests.Unit.Webhooks;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>
/// The agency-server protocol in process, against a real Kestrel receiver on 127.0.0.1 that checks every signature
/// with <see cref="IndependentVerifier"/>: the request, the grant that closes it, duplicates, expiry, low-balance alerts.
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

    /// <summary>
    /// The alert is decided in the debit's own transaction, so the delivery log shows at once whether a debit raised
    /// one: the first dip alerts, later dips that day do not, and the first dip a day after the first alert does.
    /// </summary>
    [Fact]
    public async Task Usage_BelowTheAlertLevel_EmailsClientAndRecipients_AndSendsBalanceLow_OnceADay()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        await agency.SaveEndpointAsync(receiver.Url("/hooks"), "credit.balance_low");
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}",
            new { lowBalanceAlert = new { thresholdCredits = 30, recipients = new[] { "finance@client.example" } } }, Ct)).EnsureSuccessStatusCode();
        var client = (await agency.SubAccountAsync(subAccount)).GetProperty("email").GetString()!;
        var alerts = new List<int>();

        await agency.Client.UsageAsync(subAccount, 80);
        alerts.Add((await agency.DeliveriesAsync("credit.balance_low")).Count);
        await agency.Client.UsageAsync(subAccount, 5);
        alerts.Add((await agency.DeliveriesAsync("credit.balance_low")).Count);
        var toClient = await api.WaitForMailAsync(client, m => m.Headers["X-Email-Kind"] == "LowBalance");
        var toFinance = await api.WaitForMailAsync("finance@client.example", m => m.Headers["X-Email-Kind"] == "LowBalance");
        var first = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 1);
        api.Clock.Advance(TimeSpan.FromHours(23));
        await agency.Client.UsageAsync(subAccount, 1);
        alerts.Add((await agency.DeliveriesAsync("credit.balance_low")).Count);
        api.Clock.Advance(TimeSpan.FromHours(1));
        await agency.Client.UsageAsync(subAccount, 1);
        alerts.Add((await agency.DeliveriesAsync("credit.balance_low")).Count);
        var both = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 2);
        await Eventually.ReturnsAsync(() => Task.FromResult(LowBalanceEmailsTo(client)), n => n >= 2);

        alerts.ShouldBe([1, 1, 1, 2], "an alert at the first dip, none for the rest of that day, the next one a day later");
        toClient.TextBody!.ShouldContain("20");
        toFinance.ShouldNotBeNull();
        var data = JsonDocument.Parse(first[0].Body).RootElement.GetProperty("data");
        data.GetProperty("balance").GetInt64().ShouldBe(20);
        data.GetProperty("thresholdCredits").GetInt64().ShouldBe(30);
        both.Count.ShouldBe(2);
        JsonDocument.Parse(both[1].Body).RootElement.GetProperty("data").GetProperty("balance").GetInt64().ShouldBe(13);
        LowBalanceEmailsTo(client).ShouldBe(2);
    }

    [Fact]
    public async Task Delivery_After500ThreeTimes_SucceedsOnTheFourthWithTheSameWebhookId()
    {
        var agency = await api.CreateAgencyAsync();
        var calls = 0;
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, Interlocked.Increment(ref calls) <= 3 ? 500 : 200));
        await agency.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");

        await agency.CreateSubAccountAsync("reselling");
        var delivered = await Eventually.ReturnsAsync(() => agency.DeliveriesAsync(), d => d.Count == 1 && d[0].GetProperty("state").GetString() == "delivered");

        receiver.Received.Count.ShouldBe(4);
        receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct().Count().ShouldBe(1);
        var attempts = delivered[0].GetProperty("attempts").EnumerateArray().ToList();
        attempts.Select(a => a.GetProperty("statusCode").GetInt32()).ShouldBe([500, 500, 500, 200]);
        attempts.ShouldAllBe(a => a.GetProperty("durationMs").GetInt32() >= 0);
    }

    [Fact]
    public async Task Delivery_Answered410_DisablesTheEndpoint()
    {
        var agency = await api.CreateAgencyAsync();
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 410));
        await agency.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");

        await agency.CreateSubAccountAsync("reselling");
        await Eventually.ReturnsAsync(() => agency.DeliveriesAsync(), d => d.Count == 1 && d[0].GetProperty("state").GetString() == "failed");
        await agency.CreateSubAccountAsync("reselling");
        var endpoint = await (await agency.Client.GetAsync("/api/v1/webhook-endpoint", Ct)).ExpectAsync(HttpStatusCode.OK);

        endpoint.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        receiver.Received.Count.ShouldBe(1);
        (await agency.DeliveriesAsync()).Count.ShouldBe(1, "a disabled endpoint gets no new events");
    }

    [Fact]
    public async Task Secret_AfterRotation_SignsWithBothSecrets()
    {
        var agency = await api.CreateAgencyAsync();
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        var old = await agency.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");

        var rotated = await (await agency.Client.PostAsync("/api/v1/webhook-endpoint/secret/rotate", null, Ct)).ExpectAsync(HttpStatusCode.OK);
        await agency.CreateSubAccountAsync("reselling");
        var received = (await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 1)).Single();

        var fresh = rotated.GetProperty("secret").GetString()!;
        fresh.ShouldNotBe(old);
        foreach (var secret in new[] { old, fresh })
        {
            IndependentVerifier.Verifies(secret, received.Headers["webhook-id"], received.Headers["webhook-timestamp"], received.Body,
                received.Headers["webhook-signature"]).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Redeliver_ADeliveredMessage_SendsItAgainWithTheSameWebhookId()
    {
        var agency = await api.CreateAgencyAsync();
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        await agency.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");
        await agency.CreateSubAccountAsync("reselling");
        var delivery = (await Eventually.ReturnsAsync(() => agency.DeliveriesAsync(), d => d.Count == 1 && d[0].GetProperty("state").GetString() == "delivered")).Single();

        var accepted = await agency.Client.PostAsync($"/api/v1/webhook-deliveries/{delivery.GetProperty("id").GetString()}/redeliver", null, Ct);
        await accepted.ExpectAsync(HttpStatusCode.Accepted);
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.Count), n => n == 2);

        receiver.Received.Count.ShouldBe(2);
        receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct().Single().ShouldBe(delivery.GetProperty("webhookId").GetString());
    }

    [Fact]
    public async Task Endpoint_ToAPrivateAddress_Answers422UrlNotAllowed()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync("/api/v1/webhook-endpoint",
            new { url = "http://169.254.169.254/latest/meta-data", events = new[] { "credit.purchased" } }, Ct);

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "url_not_allowed");
    }

    [Fact]
    public async Task Deliveries_OfAnotherAgency_Answer404()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        await owner.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");
        await owner.CreateSubAccountAsync("reselling");
        var id = (await Eventually.ReturnsAsync(() => owner.DeliveriesAsync(), d => d.Count == 1)).Single().GetProperty("id").GetString();

        await (await other.Client.GetAsync($"/api/v1/webhook-deliveries/{id}", Ct)).ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await other.Client.PostAsync($"/api/v1/webhook-deliveries/{id}/redeliver", null, Ct)).ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await other.DeliveriesAsync()).ShouldBeEmpty();
    }

    private int LowBalanceEmailsTo(string address) => Directory.GetFiles(api.MailFolder, "*.eml").Select(File.ReadAllText)
        .Count(m => m.Contains("LowBalance", StringComparison.Ordinal) && m.Contains(address, StringComparison.OrdinalIgnoreCase));

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(status == 200 ? "ok" : "try later", context.RequestAborted);
    }
}
