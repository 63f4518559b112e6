using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>The money path through the built-in Stripe sandbox: the credits of a paid checkout arrive exactly once.</summary>
public abstract class CheckoutTests(ApiFixture api)
{
    [Fact]
    public async Task Purchase_ThroughTheSandboxCheckoutPage_GrantsThePackOnce_AndReplaysGrantNothing()
    {
        var (agency, subAccount, pack) = await ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);

        var paid = await api.PayAsync(session.GetProperty("url").GetString()!);
        var balance = await agency.WaitForBalanceAsync(subAccount, 100);
        var completed = await api.SandboxEventAsync(await agency.StripeAccountAsync(), "checkout.session.completed");
        var replays = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.PostWebhookAsync(completed, api.Sign(completed))));

        paid.Headers.Location!.ToString().ShouldBe($"http://{agency.Slug}.resellerkit.test/checkout/return?session_id={session.GetProperty("id").GetString()}");
        balance.ShouldBe(100);
        replays.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100);
        var purchase = await agency.PurchaseAsync(subAccount);
        purchase.GetProperty("state").GetString().ShouldBe("fulfilled");
        purchase.GetProperty("amount").GetInt64().ShouldBe(1_500);
        await api.LedgerIsCleanAsync();
    }

    /// <summary>
    /// The session is paid at Stripe but its webhook has not arrived yet, so a verified event would grant it: only the
    /// signature check stands between the forged, stale and tampered copies and the credits. The last request, signed
    /// with the real secret, shows that the same event does grant.
    /// </summary>
    [Fact]
    public async Task Webhook_WithForgedOrStaleSignature_Answers400AndGrantsNothing()
    {
        var (agency, subAccount, pack) = await ResellerWithPackAsync();
        var sessionId = (await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await TamperSandboxSessionAsync(sessionId, PaidWithoutAnEvent);
        var completed = await CompletedEventAsync(await agency.StripeAccountAsync(), sessionId);

        var forged = await api.PostWebhookAsync(completed, api.Sign(completed, secret: "whsec_somebody_else"));
        var stale = await api.PostWebhookAsync(completed, api.Sign(completed, DateTimeOffset.UtcNow.AddMinutes(-6)));
        var tampered = await api.PostWebhookAsync(completed.Replace("\"livemode\":false", "\"livemode\":false ", StringComparison.Ordinal), api.Sign(completed));
        var balanceAfterBadSignatures = (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64();
        var stateAfterBadSignatures = (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString();
        var genuine = await api.PostWebhookAsync(completed, api.Sign(completed));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        stale.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        tampered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        balanceAfterBadSignatures.ShouldBe(0);
        stateAfterBadSignatures.ShouldBe("pending");
        await genuine.ExpectAsync(HttpStatusCode.OK);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100, "the same event, signed with the real secret, grants");
    }

    [Fact]
    public async Task Webhook_ForAnUnknownSession_Answers2xxAndGrantsNothing()
    {
        var (agency, subAccount, pack) = await ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        await api.PayAsync(session.GetProperty("url").GetString()!);
        await agency.WaitForBalanceAsync(subAccount, 100);
        var completed = await api.SandboxEventAsync(await agency.StripeAccountAsync(), "checkout.session.completed");
        var unknown = completed.Replace(session.GetProperty("id").GetString()!, "cs_test_nobody_knows_this_one", StringComparison.Ordinal)
            .Replace("\"id\":\"evt_", "\"id\":\"evt_x", StringComparison.Ordinal);

        var response = await api.PostWebhookAsync(unknown, api.Sign(unknown));

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        body.GetProperty("outcome").GetString()!.ShouldContain("UnknownSession");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100);
    }

    [Fact]
    public async Task Payment_WithAnAmountThatDoesNotMatchThePurchase_GrantsNothingAndRecordsWhy()
    {
        var (agency, subAccount, pack) = await ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var sessionId = session.GetProperty("id").GetString()!;
        await TamperSandboxSessionAsync(sessionId, doc => doc.Replace("\"amount_total\":1500", "\"amount_total\":15", StringComparison.Ordinal));

        await api.PayAsync(session.GetProperty("url").GetString()!);
        var purchase = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("failureReason").ValueKind == JsonValueKind.String);

        purchase.GetProperty("state").GetString().ShouldBe("pending");
        purchase.GetProperty("failureReason").GetString()!.ShouldContain("expected 1500");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Refund_AfterSomeUsage_TakesBackWhatIsLeftAndRecordsTheRestAsDebt()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();
        (await agency.Client.UsageAsync(subAccount, 80)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var refund = await api.SandboxClient(await agency.StripeAccountAsync())
            .PostAsync("/stripe-sandbox/v1/refunds", new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct);
        await refund.ExpectAsync(HttpStatusCode.OK);
        var purchase = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("state").GetString() == "refunded");

        purchase.GetProperty("creditsReversed").GetInt64().ShouldBe(100);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
        (await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("debtCredits").GetInt64().ShouldBe(80);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Purchase_AfterARefundLeftDebt_RepaysTheDebtFirstAndSaysSoOnTheReceipt()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        await api.BuyStarterPackAsync(agency, client.SubAccountId);
        (await agency.Client.UsageAsync(client.SubAccountId, 80)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var paymentIntent = (await agency.PurchaseAsync(client.SubAccountId)).GetProperty("paymentIntentId").GetString()!;
        await (await api.SandboxClient(await agency.StripeAccountAsync()).PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct)).ExpectAsync(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => agency.PurchaseAsync(client.SubAccountId), p => p.GetProperty("state").GetString() == "refunded");

        var topUp = await agency.CreatePackAsync("Top-up", 100, 1_500);
        await api.PayAsync((await (await agency.CheckoutAsync(client.SubAccountId, new { packId = topUp })).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("url").GetString()!);
        (await agency.WaitForBalanceAsync(client.SubAccountId, 20)).ShouldBe(20, "100 bought, 80 of them repaying the debt");
        var account = await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{client.SubAccountId}", Ct)).ExpectAsync(HttpStatusCode.OK);
        var receipt = await api.WaitForMailAsync(client.Email, m => m.Headers["X-Email-Kind"] == "PurchaseReceipt" && m.TextBody?.Contains("paid back") == true);

        account.GetProperty("debtCredits").GetInt64().ShouldBe(0, "the 80 credits owed from the refund came off the new pack first");
        receipt.TextBody.ShouldNotBeNull().ShouldContain("80 of these credits paid back what your account owed from an earlier refund.");
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Refunds_WithGrowingTotalsRacing_TakeBackWhatTheLargestTotalIsDue()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();
        var account = await agency.StripeAccountAsync();

        // Ten refund events for totals $1.50 … $15.00 arriving at once, as Stripe may send charge.refunded for refunds made close together.
        await Task.WhenAll(Enumerable.Range(1, 10).Select(async n =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ResellerKit.Engine.Purchases.ReversePayment>()
                .HandleAsync(account, paymentIntent, n * 150, ResellerKit.Engine.Purchases.ReversalKind.Refund, Ct);
        }));
        var purchase = await agency.PurchaseAsync(subAccount);

        purchase.GetProperty("creditsReversed").GetInt64().ShouldBe(100, "the largest total, all $15.00, took back all 100 credits");
        purchase.GetProperty("amountRefunded").GetInt64().ShouldBe(1_500);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task LostDispute_ReversesTheCredits()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();

        await (await api.SandboxClient(await agency.StripeAccountAsync()).PostAsync("/stripe-sandbox/v1/test_helpers/disputes",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent), new("status", "lost")]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var purchase = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("state").GetString() == "disputed");

        purchase.GetProperty("creditsReversed").GetInt64().ShouldBe(100);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Refund_WorthLessThanOneCredit_RecordsTheAmountAndTakesNoCredits()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();

        // 10 cents of a pack of 100 credits for $15.00: less than one credit's price of 15 cents.
        await (await api.SandboxClient(await agency.StripeAccountAsync()).PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent), new("amount", "10")]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var purchase = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("amountRefunded").GetInt64() == 10);

        purchase.GetProperty("amountRefunded").GetInt64().ShouldBe(10, "the sales report counts the money that went back");
        purchase.GetProperty("creditsReversed").GetInt64().ShouldBe(0);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100);
    }

    [Fact]
    public async Task LostDispute_AfterAPartialRefund_ReversesTheRemainingCredits()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();
        var stripe = api.SandboxClient(await agency.StripeAccountAsync());
        await (await stripe.PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent), new("amount", "600")]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var refunded = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("creditsReversed").GetInt64() == 40);

        await (await stripe.PostAsync("/stripe-sandbox/v1/test_helpers/disputes",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent), new("status", "lost"), new("amount", "900")]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var disputed = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("state").GetString() == "disputed");

        refunded.GetProperty("creditsReversed").GetInt64().ShouldBe(40, "$6.00 of $15.00 refunded takes back 40 of the 100 credits");
        disputed.GetProperty("creditsReversed").GetInt64().ShouldBe(100, "the lost dispute of the $9.00 left takes back the rest");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task DelayedPayment_IsPendingUntilItSettles_ThenGranted()
    {
        var (agency, subAccount, pack) = await ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);

        await api.PayAsync(session.GetProperty("url").GetString()!, TestCard.DelayedSuccess);
        var pending = await agency.PurchaseAsync(subAccount);
        var balance = await agency.WaitForBalanceAsync(subAccount, 100);

        pending.GetProperty("state").GetString().ShouldBe("pending");
        balance.ShouldBe(100);
    }

    [Fact]
    public async Task DelayedPayment_ThatFails_GrantsNothingAndMarksThePurchaseFailed()
    {
        var (agency, subAccount, pack) = await ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);

        await api.PayAsync(session.GetProperty("url").GetString()!, TestCard.DelayedFailure);
        var purchase = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("state").GetString() == "failed");

        purchase.GetProperty("state").GetString().ShouldBe("failed");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
    }

    /// <summary>
    /// A declined card left the purchase a bare "Pending" until the session expired a day later. Stripe reports the
    /// failed attempt (payment_intent.payment_failed) and keeps the checkout open: the back office now says "Payment
    /// failed" with the reason, nothing is granted, and paying the same checkout with another card still grants once.
    /// </summary>
    [Fact]
    public async Task DeclinedCard_OnTheSandboxCheckout_ReadsPaymentFailedAndAnotherCardStillGrantsOnce()
    {
        var (agency, subAccount, pack) = await ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var owner = await api.SignInOwnerAsync(agency);

        var declinedPage = await (await api.PayAsync(session.GetProperty("url").GetString()!, TestCard.Declines)).Content.ReadAsStringAsync(Ct);
        var declined = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("failureReason").ValueKind == JsonValueKind.String);
        var list = System.Net.WebUtility.HtmlDecode((await owner.GetAsync("/admin/purchases")).Html);
        var balanceAfterDecline = (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64();
        await api.PayAsync(session.GetProperty("url").GetString()!);
        var balance = await agency.WaitForBalanceAsync(subAccount, 100);

        declinedPage.ShouldContain("declined");
        declined.GetProperty("state").GetString().ShouldBe("pending");
        declined.GetProperty("failureReason").GetString()!.ShouldStartWith("Your card was declined: insufficient funds.");
        list.ShouldContain("<span class=\"state state-failed\">Payment failed</span> — Your card was declined: insufficient funds. The client can still pay with another card until the checkout expires.");
        balanceAfterDecline.ShouldBe(0);
        balance.ShouldBe(100);
        (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("fulfilled");
        await api.LedgerIsCleanAsync();
    }

    // A reselling client who paid for the Starter pack (100 credits for $15.00) and holds its credits; its payment intent.
    private async Task<(TestAgency Agency, string SubAccount, string PaymentIntent)> PaidStarterAsync()
    {
        var (agency, subAccount, pack) = await ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        await api.PayAsync(session.GetProperty("url").GetString()!);
        await agency.WaitForBalanceAsync(subAccount, 100);
        return (agency, subAccount, (await agency.PurchaseAsync(subAccount)).GetProperty("paymentIntentId").GetString()!);
    }

    private Task<(TestAgency Agency, string SubAccount, string Pack)> ResellerWithPackAsync() => api.ResellerWithPackAsync();

    // What the sandbox's Pay button does to the session, without the event that reports it.
    private static string PaidWithoutAnEvent(string json)
    {
        var session = JsonNode.Parse(json)!.AsObject();
        session["status"] = "complete";
        session["payment_status"] = "paid";
        return session.ToJsonString();
    }

    /// <summary>A <c>checkout.session.completed</c> for the session as the sandbox holds it now, in Stripe's event format.</summary>
    private async Task<string> CompletedEventAsync(string account, string sessionId)
    {
        var session = await (await api.SandboxClient(account).GetAsync($"/stripe-sandbox/v1/checkout/sessions/{sessionId}", Ct)).ExpectAsync(HttpStatusCode.OK);
        return new JsonObject
        {
            ["id"] = "evt_" + Guid.NewGuid().ToString("N"),
            ["object"] = "event",
            ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["type"] = "checkout.session.completed",
            ["account"] = account,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["data"] = new JsonObject { ["object"] = JsonNode.Parse(session.GetRawText()) },
        }.ToJsonString();
    }

    private async Task TamperSandboxSessionAsync(string sessionId, Func<string, string> change)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var doc = await db.StoredDocuments.SingleAsync(d => d.Collection == "checkout.session" && d.Id == sessionId, Ct);
        doc.Json = change(doc.Json);
        await db.SaveChangesAsync(Ct);
    }
}

public sealed class CheckoutTestsOnSqlite(SqliteApi api) : CheckoutTests(api), IClassFixture<SqliteApi>;

public sealed class CheckoutTestsOnPostgres(PostgresApi api) : CheckoutTests(api), IClassFixture<PostgresApi>;
