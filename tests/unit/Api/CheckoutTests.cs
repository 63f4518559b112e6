using System.Net;
using System.Text.Json;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>The money path through the built-in Stripe sandbox: the credits of a paid checkout arrive exactly once, a delayed
/// payment once it settles, a declined card's never.</summary>
public abstract class CheckoutTests(ApiFixture api)
{
    [Fact]
    public async Task Purchase_ThroughTheSandboxCheckoutPage_GrantsThePackOnce_AndReplaysGrantNothing()
    {
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
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

    [Fact]
    public async Task DelayedPayment_IsPendingUntilItSettles_ThenGranted()
    {
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
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
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
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
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
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
}

public sealed class CheckoutTestsOnSqlite(SqliteApi api) : CheckoutTests(api), IClassFixture<SqliteApi>;

public sealed class CheckoutTestsOnPostgres(PostgresApi api) : CheckoutTests(api), IClassFixture<PostgresApi>;
