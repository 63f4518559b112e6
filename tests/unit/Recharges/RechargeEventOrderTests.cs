using System.Net;
using System.Text.Json;
using ResellerKit.Engine.Recharges;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>
/// An auto-recharge's charge whose answer was lost is granted by Stripe's <c>payment_intent.succeeded</c>, which Stripe may
/// send after a refund or a lost dispute of the same payment. The reversal grants the recharge first, then takes it back,
/// so the money that went back takes its credits with it; the late event adds nothing.
/// </summary>
public abstract class RechargeEventOrderTests(ApiFixture api)
{
    [Fact]
    public async Task Refund_ArrivingBeforeTheRechargesPaymentEvent_TakesTheCreditsBackAndTheLateEventAddsNothing()
    {
        var (agency, subAccount, account, rechargeId, succeeded, intent) = await PaidWithoutItsEventAsync();
        await (await api.SandboxClient(account).PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", intent)]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var refunded = await api.SandboxEventAsync(account, "charge.refunded");

        var refund = await api.WebhookOutcomeAsync(refunded);
        var late = await api.WebhookOutcomeAsync(succeeded);

        refund.ShouldBe("credits reversed");
        late.ShouldBe("recharge granted already");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(40, "the 160 credits paid for went back with the money; 40 were left after the usage");
        var recharge = await api.RechargeAsync(rechargeId);
        recharge.State.ShouldBe(RechargeState.Granted);
        recharge.CreditsGranted.ShouldBe(160);
        recharge.CreditsReversed.ShouldBe(160);
        (await api.RechargeGrantsAsync(rechargeId)).ShouldBe(1);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task LostDispute_ArrivingBeforeTheRechargesPaymentEvent_TakesTheCreditsBackAndPausesAutoRecharge()
    {
        var (agency, subAccount, account, rechargeId, succeeded, intent) = await PaidWithoutItsEventAsync();
        await (await api.SandboxClient(account).PostAsync("/stripe-sandbox/v1/test_helpers/disputes",
            new FormUrlEncodedContent([new("payment_intent", intent), new("status", "lost")]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var lost = await api.SandboxEventAsync(account, "charge.dispute.closed");

        var dispute = await api.WebhookOutcomeAsync(lost);
        var late = await api.WebhookOutcomeAsync(succeeded);

        dispute.ShouldBe("credits reversed");
        late.ShouldBe("recharge granted already");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(40);
        (await api.RechargeAsync(rechargeId)).CreditsReversed.ShouldBe(160);
        (await api.RechargeGrantsAsync(rechargeId)).ShouldBe(1);
        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").GetProperty("pausedAt").ValueKind
            .ShouldBe(JsonValueKind.String, "the disputed card is not charged again on its own");
        await api.LedgerIsCleanAsync();
    }

    // The recharge's charge (160 credits) went through but its answer was lost, and the recharge gave up; the outage
    // holds Stripe's webhooks, so its payment_intent.succeeded is not delivered yet. Returns that event and its payment.
    private async Task<(TestAgency Agency, string SubAccount, string Account, string RechargeId, string Succeeded, string PaymentIntent)>
        PaidWithoutItsEventAsync()
    {
        var (agency, subAccount, account, rechargeId) = await api.GaveUpThoughChargedAsync();
        var succeeded = await api.SandboxEventAsync(account, "payment_intent.succeeded");
        var intent = JsonDocument.Parse(succeeded).RootElement.GetProperty("data").GetProperty("object");
        intent.GetProperty("metadata").GetProperty("resellerkit_recharge_id").GetString().ShouldBe(rechargeId);
        return (agency, subAccount, account, rechargeId, succeeded, intent.GetProperty("id").GetString()!);
    }
}

public sealed class RechargeEventOrderTestsOnSqlite(SqliteApi api) : RechargeEventOrderTests(api), IClassFixture<SqliteApi>;

public sealed class RechargeEventOrderTestsOnPostgres(PostgresApi api) : RechargeEventOrderTests(api), IClassFixture<PostgresApi>;
