using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Stripe does not order its events, and a checkout's own event may fail and wait for a redelivery: a refund or a lost
/// dispute can arrive before the payment it reverses was granted. It is granted first, then reversed, so the money that
/// went back always takes its credits with it; the late checkout event adds nothing.
/// </summary>
public abstract class PaymentEventOrderTests(ApiFixture api)
{
    [Fact]
    public async Task Refund_ArrivingBeforeTheCheckoutsGrant_TakesTheCreditsBackAndTheLateGrantAddsNothing()
    {
        var (agency, subAccount, account, intent) = await PaidWithoutItsEventAsync();
        await (await api.SandboxClient(account).PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", intent)]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var refunded = await api.SandboxEventAsync(account, "charge.refunded");
        var completed = await api.SandboxEventAsync(account, "checkout.session.completed");

        var refund = await api.PostWebhookAsync(refunded, api.Sign(refunded));
        var late = await api.PostWebhookAsync(completed, api.Sign(completed));

        await refund.ExpectAsync(HttpStatusCode.OK);
        await late.ExpectAsync(HttpStatusCode.OK);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0, "the client was paid back, so the credits went back");
        var purchase = await agency.PurchaseAsync(subAccount);
        purchase.GetProperty("state").GetString().ShouldBe("refunded");
        purchase.GetProperty("creditsReversed").GetInt64().ShouldBe(100);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task LostDispute_ArrivingBeforeTheCheckoutsGrant_TakesTheCreditsBack()
    {
        var (agency, subAccount, account, intent) = await PaidWithoutItsEventAsync();
        await (await api.SandboxClient(account).PostAsync("/stripe-sandbox/v1/test_helpers/disputes",
            new FormUrlEncodedContent([new("payment_intent", intent), new("status", "lost")]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var lost = await api.SandboxEventAsync(account, "charge.dispute.closed");

        var dispute = await api.PostWebhookAsync(lost, api.Sign(lost));

        await dispute.ExpectAsync(HttpStatusCode.OK);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
        (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("disputed");
        await api.LedgerIsCleanAsync();
    }

    // A reselling client pays a $15.00 pack of 100 credits; the checkout's event is held, so nothing is granted yet.
    private async Task<(TestAgency Agency, string SubAccount, string Account, string PaymentIntent)> PaidWithoutItsEventAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        await api.PayAsync(session.GetProperty("url").GetString()!);
        var account = await agency.StripeAccountAsync();
        var paid = await (await api.SandboxClient(account).GetAsync($"/stripe-sandbox/v1/checkout/sessions/{session.GetProperty("id").GetString()}", Ct))
            .ExpectAsync(HttpStatusCode.OK);
        (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("pending", "the checkout's event is held");
        return (agency, subAccount, account, paid.GetProperty("payment_intent").GetString()!);
    }
}

public sealed class PaymentEventOrderTestsOnSqlite(HeldWebhooksSqliteApi api) : PaymentEventOrderTests(api), IClassFixture<HeldWebhooksSqliteApi>;

public sealed class PaymentEventOrderTestsOnPostgres(HeldWebhooksPostgresApi api) : PaymentEventOrderTests(api), IClassFixture<HeldWebhooksPostgresApi>;
