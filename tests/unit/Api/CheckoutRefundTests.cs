using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Refunds and lost disputes of a paid checkout take its credits back in proportion to the money gone back; what was
/// spent becomes a debt that the next purchase repays first.
/// </summary>
public abstract class CheckoutRefundTests(ApiFixture api)
{
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

    // A reselling client who paid for the Starter pack (100 credits for $15.00) and holds its credits; its payment intent.
    private async Task<(TestAgency Agency, string SubAccount, string PaymentIntent)> PaidStarterAsync()
    {
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        await api.PayAsync(session.GetProperty("url").GetString()!);
        await agency.WaitForBalanceAsync(subAccount, 100);
        return (agency, subAccount, (await agency.PurchaseAsync(subAccount)).GetProperty("paymentIntentId").GetString()!);
    }
}

public sealed class CheckoutRefundTestsOnSqlite(SqliteApi api) : CheckoutRefundTests(api), IClassFixture<SqliteApi>;

public sealed class CheckoutRefundTestsOnPostgres(PostgresApi api) : CheckoutRefundTests(api), IClassFixture<PostgresApi>;
