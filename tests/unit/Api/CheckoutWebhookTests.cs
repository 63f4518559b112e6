using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// A checkout's Stripe event grants only what it proves: a forged, stale or tampered signature, an unknown session or an
/// amount other than the purchase's grants nothing.
/// </summary>
public abstract class CheckoutWebhookTests(ApiFixture api)
{
    /// <summary>
    /// The session is paid at Stripe but its webhook has not arrived yet, so a verified event would grant it: only the
    /// signature check stands between the forged, stale and tampered copies and the credits. The last request, signed
    /// with the real secret, shows that the same event does grant.
    /// </summary>
    [Fact]
    public async Task Webhook_WithForgedOrStaleSignature_Answers400AndGrantsNothing()
    {
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
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
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
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
        var (agency, subAccount, pack) = await api.ResellerWithPackAsync();
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var sessionId = session.GetProperty("id").GetString()!;
        await TamperSandboxSessionAsync(sessionId, doc => doc.Replace("\"amount_total\":1500", "\"amount_total\":15", StringComparison.Ordinal));

        await api.PayAsync(session.GetProperty("url").GetString()!);
        var purchase = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("failureReason").ValueKind == JsonValueKind.String);

        purchase.GetProperty("state").GetString().ShouldBe("pending");
        purchase.GetProperty("failureReason").GetString()!.ShouldContain("expected 1500");
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
    }

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

public sealed class CheckoutWebhookTestsOnSqlite(SqliteApi api) : CheckoutWebhookTests(api), IClassFixture<SqliteApi>;

public sealed class CheckoutWebhookTestsOnPostgres(PostgresApi api) : CheckoutWebhookTests(api), IClassFixture<PostgresApi>;
