using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>
/// Provider <c>stripe</c> through the built-in sandbox: the card saved at the first purchase is charged off-session;
/// a card that needs authentication gets the client a recovery email; a declining card pauses after 3 failures.
/// </summary>
public sealed class StripeRechargeTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Usage_BelowThreshold_ChargesTheSavedCardOnce_AndGrantsTheGap()
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200);

        await agency.Client.UsageAsync(subAccount, 60);
        var balance = await agency.WaitForBalanceAsync(subAccount, 200);
        await agency.Client.UsageAsync(subAccount, 10);

        balance.ShouldBe(200);
        var recharge = (await agency.RechargesAsync(subAccount)).Single();
        recharge.GetProperty("state").GetString().ShouldBe("granted");
        recharge.GetProperty("creditsRequested").GetInt64().ShouldBe(160);
        recharge.GetProperty("amount").GetInt64().ShouldBe(2_400, "160 credits at the pack's rate of 15 cents");
        recharge.GetProperty("paymentIntentId").GetString()!.ShouldStartWith("pi_");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(190);
    }

    [Fact]
    public async Task Usage_BelowThreshold_WithACheaperPackInAnotherCurrency_ChargesInTheCurrencyTheClientPaidIn()
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        await api.SetMinimumAsync("jpy", "1");
        await agency.CreatePackAsync("Bulk", 1_000, 1_000, "jpy"); // ¥1 a credit: fewer minor units than 15 cents, not a lower price
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200);

        await agency.Client.UsageAsync(subAccount, 60);
        var balance = await agency.WaitForBalanceAsync(subAccount, 200);

        balance.ShouldBe(200);
        var recharge = (await agency.RechargesAsync(subAccount)).Single();
        recharge.GetProperty("currency").GetString().ShouldBe("usd", "the client bought in dollars");
        recharge.GetProperty("amount").GetInt64().ShouldBe(2_400, "160 credits at the dollar pack's rate of 15 cents");
    }

    [Fact]
    public async Task Refund_OfAnAutoRechargeCharge_TakesItsCreditsBackOnce()
    {
        var (agency, subAccount, paymentIntent) = await RechargedClientAsync();
        var stripe = api.SandboxClient(await agency.StripeAccountAsync());

        // Half of the 2,400 charged, then the rest: 80 credits back each time, never more than the recharge granted.
        await (await stripe.PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent), new("amount", "1200")]), Ct)).ExpectAsync(System.Net.HttpStatusCode.OK);
        var half = await agency.WaitForBalanceAsync(subAccount, 120);
        await (await stripe.PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct)).ExpectAsync(System.Net.HttpStatusCode.OK);
        var all = await agency.WaitForBalanceAsync(subAccount, 40);

        half.ShouldBe(120, "200 after the recharge, less 80 of its 160 credits");
        all.ShouldBe(40, "what the client had before the recharge");
        (await agency.SubAccountAsync(subAccount)).GetProperty("debtCredits").GetInt64().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task LostDispute_OfAnAutoRechargeCharge_PausesAutoRecharge_AndTellsClientAndAgency()
    {
        var (agency, subAccount, paymentIntent) = await RechargedClientAsync();
        var client = (await agency.SubAccountAsync(subAccount)).GetProperty("email").GetString()!;

        await (await api.SandboxClient(await agency.StripeAccountAsync()).PostAsync("/stripe-sandbox/v1/test_helpers/disputes",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent), new("status", "lost")]), Ct)).ExpectAsync(System.Net.HttpStatusCode.OK);
        var afterDispute = await agency.WaitForBalanceAsync(subAccount, 40);
        var toClient = await api.WaitForMailAsync(client, m => m.Headers["X-Email-Kind"] == "AutoRechargePaused");
        var toAgency = await api.WaitForMailAsync($"owner@{agency.Slug}.example", m => m.Headers["X-Email-Kind"] == "AutoRechargePaused");
        await agency.Client.UsageAsync(subAccount, 1);

        afterDispute.ShouldBe(40, "the recharge's 160 credits went back with the money");
        var settings = (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge");
        settings.GetProperty("pausedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        settings.GetProperty("pauseReason").GetString()!.ShouldContain("disputed");
        (await agency.RechargesAsync(subAccount)).Count.ShouldBe(1, "paused: the dip to 39 after the dispute charges the card no more");
        toClient.TextBody!.ShouldContain("disputed");
        toAgency.TextBody!.ShouldContain("disputed");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(39);
    }

    [Fact]
    public async Task LostDispute_RedeliveredAfterTheAgencyTurnedAutoRechargeOnAgain_DoesNotPauseItAgain()
    {
        var (agency, subAccount, paymentIntent) = await RechargedClientAsync();
        var account = await agency.StripeAccountAsync();
        await (await api.SandboxClient(account).PostAsync("/stripe-sandbox/v1/test_helpers/disputes",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent), new("status", "lost")]), Ct)).ExpectAsync(System.Net.HttpStatusCode.OK);
        await Eventually.ReturnsAsync(async () => (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge"),
            s => s.GetProperty("pausedAt").ValueKind == System.Text.Json.JsonValueKind.String);
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200);

        var closed = await api.SandboxEventAsync(account, "charge.dispute.closed");
        var redelivered = await api.PostWebhookAsync(closed, api.Sign(closed));

        redelivered.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var settings = (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge");
        settings.GetProperty("pausedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "the agency turned it on again after the dispute");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(40, "the dispute's credits went back once");
    }

    [Fact]
    public async Task LostDispute_AfterAFullRefund_StillPausesAutoRecharge()
    {
        var (agency, subAccount, paymentIntent) = await RechargedClientAsync();
        var stripe = api.SandboxClient(await agency.StripeAccountAsync());
        await (await stripe.PostAsync("/stripe-sandbox/v1/refunds", new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct))
            .ExpectAsync(System.Net.HttpStatusCode.OK);
        await agency.WaitForBalanceAsync(subAccount, 40);

        await (await stripe.PostAsync("/stripe-sandbox/v1/test_helpers/disputes",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent), new("status", "lost")]), Ct)).ExpectAsync(System.Net.HttpStatusCode.OK);
        var settings = await Eventually.ReturnsAsync(async () => (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge"),
            s => s.GetProperty("pausedAt").ValueKind == System.Text.Json.JsonValueKind.String);

        settings.GetProperty("pauseReason").GetString()!.ShouldContain("disputed", Case.Insensitive, "no credits were left to take back, but the card was disputed");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(40);
    }

    [Fact]
    public async Task Usage_WithACardThatNeedsAuthentication_EmailsARecoveryLink_ThatPaysOnSession()
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.RequiresAuthentication);
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200);
        var client = (await agency.SubAccountAsync(subAccount)).GetProperty("email").GetString()!;

        await agency.Client.UsageAsync(subAccount, 60);
        var mail = await api.WaitForMailAsync(client, m => m.Headers["X-Email-Kind"] == "RechargeNeedsAuthentication");
        var recharge = (await agency.RechargesAsync(subAccount)).Single();
        var link = recharge.GetProperty("recoveryUrl").GetString()!;
        await api.PayAsync(link, TestCard.RequiresAuthentication);
        var balance = await agency.WaitForBalanceAsync(subAccount, 200);

        recharge.GetProperty("state").GetString().ShouldBe("failed");
        recharge.GetProperty("failureCode").GetString().ShouldBe("authentication_required");
        mail.TextBody!.ShouldContain(link);
        balance.ShouldBe(200);
        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").GetProperty("consecutiveFailures").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Usage_WithADecliningCard_PausesAfterThreeFailures_AndTellsClientAndAgency()
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.DeclinesOffSession);
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200);
        var client = (await agency.SubAccountAsync(subAccount)).GetProperty("email").GetString()!;

        for (var failures = 1; failures <= 4; failures++)
        {
            await agency.Client.UsageAsync(subAccount, failures == 1 ? 60 : 1);
            var expected = Math.Min(failures, 3);
            await agency.WaitForRechargesAsync(subAccount, r => r.Count == expected && r.All(x => x.GetProperty("state").GetString() == "failed"));
        }
        var toClient = await api.WaitForMailAsync(client, m => m.Headers["X-Email-Kind"] == "AutoRechargePaused");
        var toAgency = await api.WaitForMailAsync($"owner@{agency.Slug}.example", m => m.Headers["X-Email-Kind"] == "AutoRechargePaused");

        var recharges = await agency.RechargesAsync(subAccount);
        recharges.Count.ShouldBe(3, "paused: the fourth dip opens nothing");
        recharges.ShouldAllBe(r => r.GetProperty("failureCode").GetString() == "card_declined");
        var settings = (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge");
        settings.GetProperty("pausedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        settings.GetProperty("consecutiveFailures").GetInt32().ShouldBe(3);
        toClient.TextBody!.ShouldContain("paused");
        toAgency.ShouldNotBeNull();
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(37);
    }

    [Fact]
    public async Task Usage_BeyondTheMonthlySpendCap_SkipsTheRechargeWithAReason()
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200, monthlySpendCap: 2_000);

        await agency.Client.UsageAsync(subAccount, 60);
        var skipped = await agency.WaitForRechargesAsync(subAccount, r => r.Count == 1 && r[0].GetProperty("state").GetString() == "skipped");
        await agency.Client.UsageAsync(subAccount, 1);

        skipped[0].GetProperty("failureCode").GetString().ShouldBe("monthly_spend_cap");
        (await agency.RechargesAsync(subAccount)).Count.ShouldBe(1, "no new recharge this month once the cap is reached");
        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").GetProperty("lastSkipReason").GetString()!.ShouldStartWith("monthly_spend_cap");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(39);
    }

    // A client who bought 100 credits, spent 60 and was recharged by 160 to 200 by its saved card; the recharge's payment.
    private async Task<(TestAgency Agency, string SubAccount, string PaymentIntent)> RechargedClientAsync()
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200);
        await agency.Client.UsageAsync(subAccount, 60);
        await agency.WaitForBalanceAsync(subAccount, 200);
        return (agency, subAccount, (await agency.RechargesAsync(subAccount)).Single().GetProperty("paymentIntentId").GetString()!);
    }
}
