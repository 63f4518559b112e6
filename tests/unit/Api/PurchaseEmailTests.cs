using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// A purchase's receipt and its refund notice are each queued once, however often Stripe's events are replayed and
/// while the buyer's return page asks for the same checkout.
/// </summary>
public abstract class PurchaseEmailTests(ApiFixture api)
{
    [Fact]
    public async Task PaidCheckout_WithReplayedEventsAndTheReturnPage_QueuesOneReceipt()
    {
        var (agency, client, session) = await PaidCheckoutAsync();
        var completed = await api.SandboxEventAsync(await agency.StripeAccountAsync(), "checkout.session.completed");

        var replays = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.PostWebhookAsync(completed, api.Sign(completed))));
        var page = await Browser.Storefront(api, agency.Slug).Client.GetAsync($"/checkout/return?session_id={session}", Ct);
        var receipt = await api.WaitForMailAsync(client.Email, m => m.Headers["X-Email-Kind"] == "PurchaseReceipt");

        replays.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await QueuedAsync(client.SubAccountId, EmailKind.PurchaseReceipt)).ShouldBe(1);
        receipt.TextBody.ShouldNotBeNull().ShouldContain("100");
    }

    [Fact]
    public async Task Refund_WithItsEventReplayed_QueuesOneRefundEmail()
    {
        var (agency, client, _) = await PaidCheckoutAsync();
        var account = await agency.StripeAccountAsync();
        var paymentIntent = (await agency.PurchaseAsync(client.SubAccountId)).GetProperty("paymentIntentId").GetString()!;

        await (await api.SandboxClient(account).PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct)).ExpectAsync(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => agency.PurchaseAsync(client.SubAccountId), p => p.GetProperty("state").GetString() == "refunded");
        var refunded = await api.SandboxEventAsync(account, "charge.refunded");
        var replays = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.PostWebhookAsync(refunded, api.Sign(refunded))));
        var notice = await api.WaitForMailAsync(client.Email, m => m.Headers["X-Email-Kind"] == "Refund");

        replays.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await QueuedAsync(client.SubAccountId, EmailKind.Refund)).ShouldBe(1);
        (await QueuedAsync(client.SubAccountId, EmailKind.PurchaseReceipt)).ShouldBe(1);
        notice.TextBody.ShouldNotBeNull().ShouldContain("$15.00");
    }

    private async Task<(TestAgency Agency, TestClient Client, string SessionId)> PaidCheckoutAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        return (agency, client, await api.BuyStarterPackAsync(agency, client.SubAccountId));
    }

    private Task<int> QueuedAsync(string subAccountId, EmailKind kind) =>
        api.QueuedEmailsAsync(e => e.Kind == kind && e.SubAccountId?.ToString() == subAccountId);
}

public sealed class PurchaseEmailTestsOnSqlite(SqliteApi api) : PurchaseEmailTests(api), IClassFixture<SqliteApi>;

public sealed class PurchaseEmailTestsOnPostgres(PostgresApi api) : PurchaseEmailTests(api), IClassFixture<PostgresApi>;
