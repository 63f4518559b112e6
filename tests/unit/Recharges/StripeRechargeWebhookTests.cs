using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>
/// Stripe's <c>payment_intent.succeeded</c> for an auto-recharge's off-session charge grants the recharge once, even when
/// every answer of Stripe was lost and the recharge gave up (<c>provider_unreachable</c>): the client paid. A webhook racing
/// the retry, or replayed, grants nothing more; a payment on another agency's account naming the recharge grants nothing.
/// </summary>
public abstract class StripeRechargeWebhookTests(ApiFixture api)
{
    [Fact]
    public async Task PaymentIntentSucceeded_AfterTheRechargeGaveUpUnreachable_GrantsItOnce()
    {
        var (agency, subAccount, account, rechargeId) = await api.DippedDuringAnOutageAsync("lose_answers");
        await api.GiveUpAsync(rechargeId);
        var failed = (await agency.WaitForRechargesAsync(subAccount, r => r.Single().GetProperty("state").GetString() != "open")).Single();
        failed.GetProperty("state").GetString().ShouldBe("failed");
        failed.GetProperty("failureCode").GetString().ShouldBe("provider_unreachable");

        await api.OutageAsync(account, "off"); // Stripe's webhook, held by the outage, goes out.
        var granted = await agency.GrantedRechargeAsync(subAccount);

        var charges = await api.ChargesForRechargeAsync(account, rechargeId);
        charges.Count.ShouldBe(1, "the attempt whose answer was lost charged the card once");
        granted.GetProperty("paymentIntentId").GetString().ShouldBe(charges[0].GetProperty("id").GetString());
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(200, "40 left after the usage, plus the 160 credits the client paid for");
        (await api.RechargeGrantsAsync(rechargeId)).ShouldBe(1);
        (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge").GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task PaymentIntentSucceeded_AfterTheAccountWasHandedOverSinceItGaveUp_GrantsItIntoTheAccountsWallet()
    {
        var (agency, subAccount, account, rechargeId) = await api.DippedDuringAnOutageAsync("lose_answers");
        await api.GiveUpAsync(rechargeId);
        await agency.WaitForRechargesAsync(subAccount, r => r.Single().GetProperty("state").GetString() == "failed");
        var other = await api.CreateAgencyAsync();
        await api.MoveToAgencyAsync(subAccount, other);

        await api.SetFailuresAsync(subAccount, 2); // the new owner's own auto-recharge failed twice since

        await api.OutageAsync(account, "off"); // Stripe's webhook, held by the outage, goes out.

        var granted = await Eventually.ReturnsAsync(() => api.RechargeAsync(rechargeId), r => r.State == RechargeState.Granted, TimeSpan.FromSeconds(60));
        granted.CreditsGranted.ShouldBe(160, "the client paid the agency that sold the recharge");
        (await api.OwnWalletAsync(subAccount)).ShouldBe(200, "40 left after the usage, plus the 160 paid for, in the wallet the account has now");
        (await FailuresAsync(subAccount)).ShouldBe(2, "the old seller's late payment does not reset the new owner's failures");
        (await api.RechargeGrantsAsync(rechargeId)).ShouldBe(1);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task PaymentIntentSucceeded_Replayed_GrantsNothingMore()
    {
        var (agency, subAccount, account, rechargeId) = await api.DippedDuringAnOutageAsync("lose_answers");
        await api.GiveUpAsync(rechargeId);
        await agency.WaitForRechargesAsync(subAccount, r => r.Single().GetProperty("state").GetString() == "failed");
        await api.OutageAsync(account, "off");
        await agency.GrantedRechargeAsync(subAccount);

        var payload = await api.SandboxEventAsync(account, "payment_intent.succeeded");
        var replayed = await api.WebhookOutcomeAsync(payload);
        var again = await api.WebhookOutcomeAsync(payload);

        replayed.ShouldBe("recharge granted already");
        again.ShouldBe("recharge granted already");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(200);
        (await api.RechargeGrantsAsync(rechargeId)).ShouldBe(1);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task PaymentIntentSucceeded_RacingTheRetry_GrantsOnce()
    {
        var (agency, subAccount, account, rechargeId) = await api.DippedDuringAnOutageAsync("lose_answers");
        await api.OutageAsync(account, "off"); // The held webhook and the outbox's retry now race; so do these.
        var payload = await api.SandboxEventAsync(account, "payment_intent.succeeded");

        var webhooks = Enumerable.Range(0, 3).Select(_ => api.WebhookOutcomeAsync(payload)).ToList();
        var retries = Enumerable.Range(0, 2).Select(_ => RetryAsync(rechargeId)).ToList();
        await Task.WhenAll(retries);
        var outcomes = await Task.WhenAll(webhooks);
        await agency.GrantedRechargeAsync(subAccount);

        outcomes.ShouldAllBe(o => o.StartsWith("recharge granted"));
        (await api.ChargesForRechargeAsync(account, rechargeId)).Count.ShouldBe(1);
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(200);
        (await api.RechargeGrantsAsync(rechargeId)).ShouldBe(1);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task PaymentIntentSucceeded_OnAnotherAgencysAccount_IsIgnored()
    {
        var (agency, subAccount, _, rechargeId) = await api.DippedDuringAnOutageAsync("refuse");
        var (other, _) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        var otherAccount = await other.StripeAccountAsync();
        var recharge = await api.RechargeAsync(rechargeId);

        // The other agency charges one of its own clients, naming this agency's recharge in the metadata.
        var theirs = (await (await api.SandboxClient(otherAccount).GetAsync("/stripe-sandbox/v1/payment_intents?limit=1", Ct))
            .ExpectAsync(HttpStatusCode.OK)).GetProperty("data")[0];
        await (await api.SandboxClient(otherAccount).PostAsync("/stripe-sandbox/v1/payment_intents", new FormUrlEncodedContent([
            new("amount", recharge.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("currency", recharge.Currency!),
            new("customer", theirs.GetProperty("customer").GetString()!), new("payment_method", theirs.GetProperty("payment_method").GetString()!),
            new("application_fee_amount", (recharge.PlatformFee ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("confirm", "true"), new("off_session", "true"), new("metadata[resellerkit_recharge_id]", rechargeId),
        ]), Ct)).ExpectAsync(HttpStatusCode.OK);
        var outcome = await api.WebhookOutcomeAsync(await api.SandboxEventAsync(otherAccount, "payment_intent.succeeded"));

        outcome.ShouldBe("ignored: no recharge of this account");
        (await agency.RechargesAsync(subAccount)).Single().GetProperty("state").GetString().ShouldBe("open");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(40);
        (await api.RechargeGrantsAsync(rechargeId)).ShouldBe(0);
    }

    [Fact]
    public async Task PaymentIntentSucceeded_OfACheckout_IsLeftToTheCheckout()
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        var account = await agency.StripeAccountAsync();

        var outcome = await api.WebhookOutcomeAsync(await api.SandboxEventAsync(account, "payment_intent.succeeded"));

        outcome.ShouldBe("ignored: not an auto-recharge's payment");
        (await agency.CurrentBalanceAsync(subAccount)).ShouldBe(100, "granted once, by the checkout");
    }

    // A retry of the charge, as the outbox runs it.
    private async Task RetryAsync(string rechargeId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var urls = await scope.ServiceProvider.GetRequiredService<ResellerKit.Storefront.Payments.Checkout.CheckoutUrls>().ForAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<ChargeRecharge>().HandleAsync(RechargeId.From(Guid.Parse(rechargeId)), urls, earlierAttempts: true, Ct);
    }

    private async Task<int> FailuresAsync(string subAccount)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccount));
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.Where(s => s.Id == id).Select(s => s.AutoRechargeFailures).SingleAsync(Ct);
    }
}

public sealed class StripeRechargeWebhookTestsOnSqlite(SqliteApi api) : StripeRechargeWebhookTests(api), IClassFixture<SqliteApi>;

public sealed class StripeRechargeWebhookTestsOnPostgres(PostgresApi api) : StripeRechargeWebhookTests(api), IClassFixture<PostgresApi>;
