using System.Net;
using System.Text.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// The storefront's cancel page, where Stripe's "Cancel and return" lands: with its purchase's token it closes that
/// checkout at Stripe and the purchase reads expired; without it, or with another purchase's or agency's, it closes nothing.
/// </summary>
public abstract class CheckoutCancelPageTests(ApiFixture api)
{
    /// <summary>
    /// Issue 16: a checkout the buyer cancelled stayed "Pending" for ever. Back on the storefront's cancel page it is
    /// closed at Stripe (it can no longer be paid) and the purchase reads expired at once.
    /// </summary>
    [Fact]
    public async Task CheckoutCancelPage_AfterTheBuyerCancels_ClosesTheSessionAndThePurchaseExpires()
    {
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var cancelUrl = await CancelUrlAsync(agency, session);

        var cancelPage = await Browser.Storefront(api, agency.Slug).Client.GetAsync(cancelUrl.PathAndQuery, Ct);
        var purchase = await agency.PurchaseAsync(subAccount);
        var paidAfterwards = await api.PayAsync(session.GetProperty("url").GetString()!).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

        cancelUrl.Host.ShouldBe($"{agency.Slug}.resellerkit.test");
        cancelPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        purchase.GetProperty("state").GetString().ShouldBe("expired");
        paidAfterwards.ShouldBeFalse("the closed session has no Pay button any more");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task CheckoutCancelPage_WithAnotherAgencysPurchase_LeavesItPending()
    {
        var (victim, subAccount, pack) = await api.ResellerWithPackAsync();
        await (await victim.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var purchaseId = (await victim.PurchaseAsync(subAccount)).GetProperty("id").GetString();
        var other = await api.CreateAgencyAsync();

        var cancelPage = await Browser.Storefront(api, other.Slug).Client.GetAsync($"/checkout/cancel?purchase={purchaseId}", Ct);

        cancelPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await victim.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task CheckoutCancelPage_WithThePurchaseButWithoutItsToken_ClosesNothingAndSaysTheCheckoutIsStillOpen()
    {
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var cancelUrl = await CancelUrlAsync(agency, session);
        var purchaseId = (await agency.PurchaseAsync(subAccount)).GetProperty("id").GetString();

        var (status, html) = await Browser.Storefront(api, agency.Slug).GetAsync($"/checkout/cancel?purchase={purchaseId}");
        var paid = await api.PayAsync(session.GetProperty("url").GetString()!).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

        cancelUrl.Query.ShouldContain($"purchase={purchaseId}&token=");
        status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(html).ShouldContain("This checkout is still open");
        html.ShouldNotContain("Checkout cancelled");
        paid.ShouldBeTrue("the checkout stayed open at Stripe");
        (await agency.WaitForBalanceAsync(subAccount, 100)).ShouldBe(100);
    }

    [Fact]
    public async Task CheckoutCancelPage_WithAnotherPurchasesToken_LeavesThisOnePending()
    {
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
        var other = await agency.CreateSubAccountAsync("reselling");
        var mine = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var theirs = await (await agency.CheckoutAsync(other, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var myToken = System.Web.HttpUtility.ParseQueryString((await CancelUrlAsync(agency, mine)).Query)["token"];
        var theirPurchase = (await agency.PurchaseAsync(other)).GetProperty("id").GetString();

        var (status, html) = await Browser.Storefront(api, agency.Slug).GetAsync($"/checkout/cancel?purchase={theirPurchase}&token={myToken}");

        myToken.ShouldNotBeNullOrEmpty();
        status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(html).ShouldContain("This checkout is still open");
        (await agency.PurchaseAsync(other)).GetProperty("state").GetString().ShouldBe("pending");
        (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task CheckoutCancelPage_WithNoParameters_SaysTheCheckoutIsStillOpen()
    {
        var agency = await api.CreateAgencyAsync();

        var (status, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/checkout/cancel");

        status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(html).ShouldContain("This checkout is still open");
        html.ShouldNotContain("Checkout cancelled");
    }

    [Fact]
    public async Task CheckoutCancelPage_OnAnotherAgencysHostWithTheValidToken_ClosesNothingAndSaysTheCheckoutIsStillOpen()
    {
        var (victim, subAccount, pack) = await api.ResellerWithPackAsync();
        var session = await (await victim.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var cancelUrl = await CancelUrlAsync(victim, session);
        var other = await api.CreateAgencyAsync();

        var (status, html) = await Browser.Storefront(api, other.Slug).GetAsync(cancelUrl.PathAndQuery);

        cancelUrl.Query.ShouldContain("&token=");
        status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(html).ShouldContain("This checkout is still open");
        html.ShouldNotContain("Checkout cancelled");
        (await victim.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task CheckoutCancelPage_OpenedAgainAfterCancelling_StillSaysCancelled()
    {
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var cancelUrl = await CancelUrlAsync(agency, session);
        var shop = Browser.Storefront(api, agency.Slug);

        var (_, first) = await shop.GetAsync(cancelUrl.PathAndQuery);
        var (_, again) = await shop.GetAsync(cancelUrl.PathAndQuery);

        first.ShouldContain("Checkout cancelled");
        again.ShouldContain("Checkout cancelled");
        (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("expired");
    }

    private async Task<Uri> CancelUrlAsync(TestAgency agency, JsonElement session)
    {
        var sandbox = api.SandboxClient(await agency.StripeAccountAsync());
        return new Uri((await (await sandbox.GetAsync($"/stripe-sandbox/v1/checkout/sessions/{session.GetProperty("id").GetString()}", Ct))
            .ExpectAsync(HttpStatusCode.OK)).GetProperty("cancel_url").GetString()!);
    }
}

public sealed class CheckoutCancelPageTestsOnSqlite(SqliteApi api) : CheckoutCancelPageTests(api), IClassFixture<SqliteApi>;

public sealed class CheckoutCancelPageTestsOnPostgres(PostgresApi api) : CheckoutCancelPageTests(api), IClassFixture<PostgresApi>;
