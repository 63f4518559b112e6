using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>
/// A Stripe recharge whose charge met an outage is retried later; by then the agency may have turned auto-recharge off
/// or lowered the spend cap. The retry reads the settings again: a card Stripe never charged is not charged, and a
/// charge whose answer was lost is granted once rather than left without credits.
/// </summary>
public abstract class StripeRechargeRetryTests(ApiFixture api)
{
    [Fact]
    public async Task Retry_AfterAutoRechargeIsTurnedOff_SkipsTheRechargeAndNeverChargesTheCard()
    {
        var (agency, subAccount, account, _) = await api.DippedDuringAnOutageAsync("refuse");

        await agency.TurnAutoRechargeOffAsync(subAccount);
        await api.OutageAsync(account, "off");
        var recharge = await ClosedRechargeAsync(agency, subAccount);

        recharge.GetProperty("state").GetString().ShouldBe("skipped");
        recharge.GetProperty("failureCode").GetString().ShouldBe("auto_recharge_off");
        (await api.ChargesForRechargeAsync(account, recharge.GetProperty("id").GetString()!)).ShouldBeEmpty("the card was never charged");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(40);
    }

    [Fact]
    public async Task Retry_AfterAutoRechargeIsTurnedOff_WhenTheLostAnswerHadCharged_GrantsTheRechargeOnce()
    {
        var (agency, subAccount, account, _) = await api.DippedDuringAnOutageAsync("lose_answers");

        await agency.TurnAutoRechargeOffAsync(subAccount);
        await api.OutageAsync(account, "off");
        var recharge = await ClosedRechargeAsync(agency, subAccount);

        recharge.GetProperty("state").GetString().ShouldBe("granted", "the client paid, so the credits are theirs");
        var charges = await api.ChargesForRechargeAsync(account, recharge.GetProperty("id").GetString()!);
        charges.Count.ShouldBe(1, "charged once, by the attempt whose answer was lost");
        recharge.GetProperty("paymentIntentId").GetString().ShouldBe(charges[0].GetProperty("id").GetString());
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(200);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Retry_AfterTheClientBoughtAgain_WhenTheLostAnswerHadCharged_GrantsOnce()
    {
        var (agency, subAccount, account, _) = await api.DippedDuringAnOutageAsync("lose_answers");

        await BuyAgainAsync(agency, subAccount); // saves another card: the retry must not send it under the first attempt's key
        await api.OutageAsync(account, "off");
        var recharge = await ClosedRechargeAsync(agency, subAccount);

        await ShouldBeGrantedOnceAsync(agency, subAccount, account, recharge);
        (await agency.WaitForBalanceAsync(subAccount, 300)).ShouldBe(300, "40 + 100 bought + 160 recharged");
    }

    [Fact]
    public async Task Retry_AfterChargesWereDisabled_WhenTheLostAnswerHadCharged_GrantsOnce()
    {
        var (agency, subAccount, account, _) = await api.DippedDuringAnOutageAsync("lose_answers");

        await ChargesDisabledAsync(account); // what account.updated with charges_enabled=false records
        await api.OutageAsync(account, "off");
        var recharge = await ClosedRechargeAsync(agency, subAccount);

        await ShouldBeGrantedOnceAsync(agency, subAccount, account, recharge);
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(200);
    }

    [Fact]
    public async Task Retry_AfterTheSpendCapIsLowered_SkipsWithTheCapReason()
    {
        var (agency, subAccount, account, _) = await api.DippedDuringAnOutageAsync("refuse");

        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200, monthlySpendCap: 2_000);
        await api.OutageAsync(account, "off");
        var recharge = await ClosedRechargeAsync(agency, subAccount);

        recharge.GetProperty("state").GetString().ShouldBe("skipped");
        recharge.GetProperty("failureCode").GetString().ShouldBe("monthly_spend_cap", "the $24.00 recharge is over the new $20.00 cap");
        (await api.ChargesForRechargeAsync(account, recharge.GetProperty("id").GetString()!)).ShouldBeEmpty();
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(40);
    }

    [Fact]
    public async Task Usage_BeyondTheSpendCap_WhileStripeIsDown_SkipsAtOnceWithoutStripe()
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200, monthlySpendCap: 2_000);
        var account = await agency.StripeAccountAsync();
        await api.OutageAsync(account, "refuse");

        await agency.Client.UsageAsync(subAccount, 60);
        var recharge = await ClosedRechargeAsync(agency, subAccount);
        await api.OutageAsync(account, "off");

        recharge.GetProperty("state").GetString().ShouldBe("skipped", "a first attempt has charged nothing, so it needs no word from Stripe");
        recharge.GetProperty("failureCode").GetString().ShouldBe("monthly_spend_cap");
        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Grant_WhoseReferenceIsAnOpenStripeRecharge_IsAPlainGrant_AndTheCardChargeStillGrantsIt()
    {
        var (agency, subAccount, account, _) = await api.DippedDuringAnOutageAsync("refuse");
        var rechargeId = (await agency.RechargesAsync(subAccount)).Single().GetProperty("id").GetString()!;

        var grant = await (await agency.GrantRechargeAsync(subAccount, rechargeId, 1)).ExpectAsync(System.Net.HttpStatusCode.Created);
        await api.OutageAsync(account, "off");
        var recharge = await ClosedRechargeAsync(agency, subAccount);

        grant.GetProperty("balance").GetInt64().ShouldBe(41, "a goodwill credit on top of the 40 left");
        recharge.GetProperty("state").GetString().ShouldBe("granted", "the card was charged, so its 160 credits are the client's");
        recharge.GetProperty("grant").GetProperty("credits").GetInt64().ShouldBe(160);
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(201);
        await api.LedgerIsCleanAsync();
    }

    // Granted by the one payment the attempt whose answer was lost made, with no failure counted.
    private async Task ShouldBeGrantedOnceAsync(TestAgency agency, string subAccount, string account, System.Text.Json.JsonElement recharge)
    {
        recharge.GetProperty("state").GetString().ShouldBe("granted", "the client paid, so the credits are theirs");
        var charges = await api.ChargesForRechargeAsync(account, recharge.GetProperty("id").GetString()!);
        charges.Count.ShouldBe(1, "charged once, by the attempt whose answer was lost");
        recharge.GetProperty("paymentIntentId").GetString().ShouldBe(charges[0].GetProperty("id").GetString());
        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    // The client buys 100 credits more with a new card while the recharge waits for its retry; returns once granted.
    private async Task BuyAgainAsync(TestAgency agency, string subAccount)
    {
        var pack = await agency.CreatePackAsync("Refill", 100, 1_500);
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(System.Net.HttpStatusCode.Created);
        await api.PayAsync(session.GetProperty("url").GetString()!);
        // The outage holds the account's webhooks: the checkout's own event is delivered as Stripe sends it.
        var completed = await api.SandboxEventAsync(await agency.StripeAccountAsync(), "checkout.session.completed");
        (await api.PostWebhookAsync(completed, api.Sign(completed))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await Eventually.ReturnsAsync(() => agency.CurrentBalanceAsync(subAccount), b => b is 140 or 300)).ShouldBeOneOf(140, 300);
    }

    private async Task ChargesDisabledAsync(string account)
    {
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ConnectAgencyPayments>().ApplyAccountStatusAsync(account, chargesEnabled: false, Ct)).ShouldBe(1);
    }

    // Retries back off (2.5–5 s, then 5–10 s, ...): a busy machine may need the second or third.
    private static async Task<System.Text.Json.JsonElement> ClosedRechargeAsync(TestAgency agency, string subAccount) =>
        (await Eventually.ReturnsAsync(() => agency.RechargesAsync(subAccount), r => r.Count == 1 && r[0].GetProperty("state").GetString() != "open",
            TimeSpan.FromSeconds(60))).Single();
}

public sealed class StripeRechargeRetryTestsOnSqlite(SqliteApi api) : StripeRechargeRetryTests(api), IClassFixture<SqliteApi>;

public sealed class StripeRechargeRetryTestsOnPostgres(PostgresApi api) : StripeRechargeRetryTests(api), IClassFixture<PostgresApi>;
