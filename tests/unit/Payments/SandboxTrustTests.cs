using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Nobody outside the install can use its sandbox or forge its webhooks, and even a validly signed event moves money
/// only as far as the gateway confirms: refunds, disputes and account changes are read back from it.
/// </summary>
public sealed class SandboxTrustTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string KeyInTheSource = "sk_test_sandbox";
    private const string SecretInTheSource = "whsec_resellerkit_sandbox_0123456789";

    [Fact]
    public async Task SandboxEvents_WithTheKeyPublishedInTheSource_Answers401()
    {
        var outsider = api.WithKey(KeyInTheSource);
        var insider = api.WithKey(api.SandboxKey);

        var refused = await outsider.GetAsync("/stripe-sandbox/v1/events", Ct);
        var allowed = await insider.GetAsync("/stripe-sandbox/v1/events", Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SandboxSecrets_AreThisInstallsOwn_AndStoredOnlyEncrypted()
    {
        var secretPart = api.SandboxKey.Substring("sk_test_".Length);
        await using var scope = api.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().PlatformSettings.AsNoTracking()
            .Select(s => s.Value).ToListAsync(Ct);

        api.SandboxKey.ShouldStartWith("sk_test_");
        api.SandboxKey.ShouldNotBe(KeyInTheSource);
        api.WebhookSecret.ShouldStartWith("whsec_");
        api.WebhookSecret.ShouldNotBe(SecretInTheSource);
        stored.ShouldNotContain(v => v.Contains(secretPart, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_SignedWithTheSecretPublishedInTheSource_Answers400AndGrantsNothing()
    {
        var (agency, subAccount) = await PaidPackAsync();
        var completed = await api.SandboxEventAsync(await agency.StripeAccountAsync(), "checkout.session.completed");
        var replay = completed.Replace("\"id\":\"evt_", "\"id\":\"evt_forged", StringComparison.Ordinal);

        var response = await api.PostWebhookAsync(replay, api.Sign(replay, secret: SecretInTheSource));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100);
    }

    [Fact]
    public async Task ChargeRefunded_WhoseBodyClaimsARefundTheGatewayNeverMade_ReversesNothing()
    {
        var (agency, subAccount) = await PaidPackAsync();
        var account = await agency.StripeAccountAsync();
        var charge = await ChargeOfAsync(agency, subAccount, account);
        charge["amount_refunded"] = charge["amount"]!.GetValue<long>();
        charge["refunded"] = true;

        var response = await PostSignedEventAsync("charge.refunded", account, charge);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100);
        (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("fulfilled");
    }

    [Fact]
    public async Task DisputeClosed_WhoseBodySaysLostForADisputeTheGatewayDoesNotKnow_ReversesNothing()
    {
        var (agency, subAccount) = await PaidPackAsync();
        var account = await agency.StripeAccountAsync();
        var charge = await ChargeOfAsync(agency, subAccount, account);
        var dispute = new JsonObject
        {
            ["id"] = "dp_made_up", ["object"] = "dispute", ["amount"] = charge["amount"]!.GetValue<long>(), ["currency"] = "usd",
            ["charge"] = charge["id"]!.GetValue<string>(), ["payment_intent"] = charge["payment_intent"]!.GetValue<string>(),
            ["status"] = "lost", ["reason"] = "fraudulent", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };

        var response = await PostSignedEventAsync("charge.dispute.closed", account, dispute);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(100);
    }

    [Fact]
    public async Task AccountUpdated_WhoseBodySaysChargesAreOff_ChangesNothingTheGatewayDoesNotSay()
    {
        var agency = await api.CreateAgencyAsync();
        var account = await agency.StripeAccountAsync();
        var connected = new JsonObject { ["id"] = account, ["object"] = "account", ["charges_enabled"] = false, ["details_submitted"] = true };

        var response = await PostSignedEventAsync("account.updated", account, connected);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = api.Services.CreateAsyncScope();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        (await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Agencies.Where(a => a.Id == agencyId)
            .Select(a => a.PaymentsEnabled).SingleAsync(Ct)).ShouldBeTrue();
    }

    private async Task<(TestAgency Agency, string SubAccount)> PaidPackAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await api.BuyStarterPackAsync(agency, subAccount);
        return (agency, subAccount);
    }

    // The charge as the sandbox holds it, read through its API as the agency's connected account.
    private async Task<JsonObject> ChargeOfAsync(TestAgency agency, string subAccount, string account)
    {
        var intent = (await agency.PurchaseAsync(subAccount)).GetProperty("paymentIntentId").GetString()!;
        var sandbox = api.SandboxClient(account);
        var chargeId = JsonNode.Parse(await sandbox.GetStringAsync($"/stripe-sandbox/v1/payment_intents/{intent}", Ct))!["latest_charge"]!.GetValue<string>();
        return JsonNode.Parse(await sandbox.GetStringAsync($"/stripe-sandbox/v1/charges/{chargeId}", Ct))!.AsObject();
    }

    // An event built by hand and signed with the install's own secret: what a leaked secret or a tampered store could send.
    private Task<HttpResponseMessage> PostSignedEventAsync(string type, string account, JsonObject dataObject)
    {
        var payload = new JsonObject
        {
            ["id"] = "evt_" + Guid.NewGuid().ToString("N"), ["object"] = "event", ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["livemode"] = false, ["type"] = type, ["account"] = account,
            ["pending_webhooks"] = 1, ["data"] = new JsonObject { ["object"] = dataObject },
        }.ToJsonString();
        return api.PostWebhookAsync(payload, api.Sign(payload));
    }
}
