using System.Net;
using System.Text.Json;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Recharges;

/// <summary>
/// The agency-server recharge protocol against the published Storefront, with the agency's server played by a real
/// Kestrel receiver on loopback that checks every signature with its own Standard Webhooks verifier: the request,
/// the grant through the API, duplicates, retries with one webhook-id, and a crash (kill -9) in the middle of delivery.
/// </summary>
public sealed class AgencyServerProtocolTests
{
    private const string PlatformKey = "rk_platform_e2e_recharge_protocol_key_0001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RechargeRequested_IsGrantedByTheAgencyServer_AndADuplicateGrantChangesNothing()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        await using var storefront = await StorefrontProcess.StartAsync(workDir, Settings(workDir));
        using var agency = await NewAgencyAsync(storefront);
        await using var receiver = await AgencyReceiver.StartAsync(async (webhook, ct) =>
        {
            await GrantAsync(agency, webhook);
            return 200;
        });
        var subAccount = await ResellerWithAutoRechargeAsync(agency, receiver);

        await agency.PostAsync($"/api/v1/sub-accounts/{subAccount}/usage", new { credits = 60 });
        var balance = await Poll.UntilAsync(() => agency.BalanceAsync(subAccount), b => b == 200, Patience);
        var request = receiver.OfType("credit.recharge_requested").Single();
        var recharge = (await agency.GetAsync($"/api/v1/sub-accounts/{subAccount}/recharges")).GetProperty("data").EnumerateArray().Single();
        var duplicate = await GrantAsync(agency, request);
        var unkeyed = await agency.PostAsync($"/api/v1/sub-accounts/{subAccount}/grants", GrantBody(request));

        balance.ShouldBe(200);
        request.Verified.ShouldBeTrue();
        request.Data.GetProperty("creditsRequested").GetInt64().ShouldBe(160);
        request.Data.GetProperty("balance").GetInt64().ShouldBe(40);
        request.Data.GetProperty("rechargeId").GetString().ShouldBe(recharge.GetProperty("id").GetString());
        recharge.GetProperty("state").GetString().ShouldBe("granted");
        var grant = recharge.GetProperty("grant").GetProperty("transactionId").GetString();
        duplicate.GetProperty("transactionId").GetString().ShouldBe(grant);
        unkeyed.GetProperty("transactionId").GetString().ShouldBe(grant);
        (await agency.BalanceAsync(subAccount)).ShouldBe(200);
        receiver.OfType("credit.recharge_requested").Count.ShouldBe(1);
    }

    [Fact]
    public async Task RechargeRequested_ToAServerAnswering500ThreeTimes_ArrivesOnTheFourthAttemptWithTheSameWebhookId()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        await using var storefront = await StorefrontProcess.StartAsync(workDir, Settings(workDir));
        using var agency = await NewAgencyAsync(storefront);
        var calls = 0;
        await using var receiver = await AgencyReceiver.StartAsync(async (webhook, ct) =>
        {
            if (webhook.Type != "credit.recharge_requested" || Interlocked.Increment(ref calls) <= 3)
            {
                return 500;
            }
            await GrantAsync(agency, webhook);
            return 200;
        });
        var subAccount = await ResellerWithAutoRechargeAsync(agency, receiver);

        await agency.PostAsync($"/api/v1/sub-accounts/{subAccount}/usage", new { credits = 60 });
        var balance = await Poll.UntilAsync(() => agency.BalanceAsync(subAccount), b => b == 200, Patience);
        var delivery = (await Poll.UntilAsync(() => agency.GetAsync("/api/v1/webhook-deliveries?eventType=credit.recharge_requested"),
            d => d.GetProperty("data")[0].GetProperty("state").GetString() == "delivered", Patience)).GetProperty("data").EnumerateArray().Single();

        balance.ShouldBe(200);
        var requests = receiver.OfType("credit.recharge_requested");
        requests.Count.ShouldBe(4);
        requests.ShouldAllBe(r => r.Verified);
        requests.Select(r => r.WebhookId).Distinct().Single().ShouldBe(delivery.GetProperty("webhookId").GetString());
        delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()).ShouldBe([500, 500, 500, 200]);
    }

    [Fact]
    public async Task KillDuringDelivery_ThenRestart_DeliversEveryEventWithItsWebhookId_AndTheRechargeCompletes()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        var settings = Settings(workDir);
        var storefront = await StorefrontProcess.StartAsync(workDir, settings);
        var agency = await NewAgencyAsync(storefront);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answering = false;
        await using var receiver = await AgencyReceiver.StartAsync(async (webhook, ct) =>
        {
            if (!Volatile.Read(ref answering))
            {
                await hold.Task.WaitAsync(ct); // The first process dies while these requests hang.
            }
            await GrantAsync(agency, webhook);
            return 200;
        });
        var subAccount = await ResellerWithAutoRechargeAsync(agency, receiver);
        await Poll.UntilAsync(() => Task.FromResult(receiver.OfType("sub_account.created").Count), n => n == 1, Patience);
        var more = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            more.Add((await agency.PostAsync("/api/v1/sub-accounts", new { name = $"Crash {i}", email = $"crash-{i}-{Guid.NewGuid():N}@client.example", creditMode = "shared" }))
                .GetProperty("id").GetString()!);
        }
        await agency.PostAsync($"/api/v1/sub-accounts/{subAccount}/usage", new { credits = 60 });
        var inFlight = await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Select(r => r.WebhookId).Distinct().Count()), n => n == 5, Patience);
        inFlight.ShouldBe(5, "four sub_account.created and one credit.recharge_requested are in flight when the process dies");

        await storefront.KillHardAsync();
        await storefront.DisposeAsync();
        agency.Dispose();
        Volatile.Write(ref answering, true);
        hold.SetCanceled(Ct);
        var firstSeen = receiver.Received.Select(r => r.WebhookId).ToHashSet();
        var killedAt = DateTimeOffset.UtcNow; // The first process is dead: whatever arrives after this, the restarted one sent.
        await using var restarted = await StorefrontProcess.StartAsync(workDir, settings);
        agency = new ResellerKitApi(restarted.BaseUrl, agency.Key);

        var balance = await Poll.UntilAsync(() => agency.BalanceAsync(subAccount), b => b == 200, TimeSpan.FromSeconds(120));
        var deliveries = (await Poll.UntilAsync(() => agency.GetAsync("/api/v1/webhook-deliveries"),
            d => d.GetProperty("data").EnumerateArray().All(x => x.GetProperty("state").GetString() == "delivered"), TimeSpan.FromSeconds(120)))
            .GetProperty("data").EnumerateArray().ToList();

        balance.ShouldBe(200);
        deliveries.Count.ShouldBe(5);
        deliveries.ShouldAllBe(d => d.GetProperty("state").GetString() == "delivered");
        deliveries.Select(d => d.GetProperty("webhookId").GetString()!).ToHashSet().SetEquals(firstSeen).ShouldBeTrue("every event keeps its webhook-id across the crash");
        var afterRestart = receiver.Received.Where(r => r.At > killedAt).GroupBy(r => r.WebhookId).ToList();
        afterRestart.Select(g => g.Key).ToHashSet().SetEquals(firstSeen).ShouldBeTrue("each request held at the kill was sent again by the restarted process");
        afterRestart.ShouldAllBe(g => g.All(r => r.Verified));
        receiver.Received.ShouldAllBe(r => r.Verified);
        receiver.OfType("sub_account.created").Select(r => r.Data.GetProperty("subAccountId").GetString()).Distinct().Count().ShouldBe(4);
        agency.Dispose();
    }

    private static Dictionary<string, string> Settings(string workDir) => new()
    {
        ["ResellerKit__PlatformApiKey"] = PlatformKey,
        ["ResellerKit__SeedDemo"] = "false",
        ["Email__PickupDirectory"] = Path.Combine(workDir, "mail"),
        ["Webhooks__AllowLoopback"] = "true",
        ["Webhooks__RetryBaseDelay"] = "00:00:00.500",
        ["Outbox__Lease"] = "00:00:20",
    };

    private static async Task<ResellerKitApi> NewAgencyAsync(StorefrontProcess storefront)
    {
        using var platform = new ResellerKitApi(storefront.BaseUrl, PlatformKey);
        var slug = "e2e-" + Guid.NewGuid().ToString("N")[..10];
        var created = await platform.PostAsync("/api/v1/agencies", new { name = "Agency " + slug, slug, ownerEmail = $"owner@{slug}.example" });
        return new ResellerKitApi(storefront.BaseUrl, created.GetProperty("apiKey").GetString()!);
    }

    // Endpoint first, so that sub_account.created is delivered too; then a reselling client with 100 credits and auto-recharge 50 → 200.
    private static async Task<string> ResellerWithAutoRechargeAsync(ResellerKitApi agency, AgencyReceiver receiver)
    {
        var endpoint = await agency.SendAsync(HttpMethod.Put, "/api/v1/webhook-endpoint",
            new { url = receiver.Url, events = new[] { "credit.recharge_requested", "sub_account.created" } }, HttpStatusCode.OK);
        receiver.Secret = endpoint.GetProperty("secret").GetString()!;
        var subAccount = (await agency.PostAsync("/api/v1/sub-accounts",
            new { name = "Client", email = $"client-{Guid.NewGuid():N}@client.example", creditMode = "reselling" })).GetProperty("id").GetString()!;
        await agency.PostAsync($"/api/v1/sub-accounts/{subAccount}/grants", new { credits = 100, reason = "opening balance" });
        await agency.SendAsync(HttpMethod.Patch, $"/api/v1/sub-accounts/{subAccount}",
            new { autoRecharge = new { enabled = true, provider = "webhook", thresholdCredits = 50, targetCredits = 200 } }, HttpStatusCode.OK);
        return subAccount;
    }

    // What the agency's server does after taking the payment: grant with reference and Idempotency-Key = rechargeId.
    private static async Task<JsonElement> GrantAsync(ResellerKitApi agency, ReceivedWebhook webhook)
    {
        if (webhook.Type != "credit.recharge_requested")
        {
            return default;
        }
        var rechargeId = webhook.Data.GetProperty("rechargeId").GetString()!;
        return await agency.PostAsync($"/api/v1/sub-accounts/{webhook.Data.GetProperty("subAccountId").GetString()}/grants",
            GrantBody(webhook), HttpStatusCode.Created, idempotencyKey: rechargeId);
    }

    private static object GrantBody(ReceivedWebhook webhook) => new
    {
        credits = webhook.Data.GetProperty("creditsRequested").GetInt64(),
        reason = "Paid through the agency's own billing",
        reference = webhook.Data.GetProperty("rechargeId").GetString(),
    };
}
