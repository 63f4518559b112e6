using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Storefront.Payments.Recharge;
using ResellerKit.Storefront.StripeSandbox;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Stripe auto-recharges that meet an outage, and what became of them, as the recharge tests arrange and read them.</summary>
public static class StripeRechargeDriver
{
    /// <summary>
    /// A client with auto-recharge on dips below its threshold (100 - 60 = 40 &lt; 50) while Stripe fails the account's
    /// payment intents; returns once the first charge has been tried and failed (with lose_answers, the card was charged).
    /// </summary>
    public static async Task<(TestAgency Agency, string SubAccount, string Account, string RechargeId)> DippedDuringAnOutageAsync(
        this ApiFixture api, string outage)
    {
        var (agency, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        await agency.AutoRechargeAsync(subAccount, "stripe", threshold: 50, target: 200);
        var account = await agency.StripeAccountAsync();
        await api.OutageAsync(account, outage);
        await agency.Client.UsageAsync(subAccount, 60);
        var id = (await agency.WaitForRechargesAsync(subAccount, r => r.Count == 1)).Single().GetProperty("id").GetString()!;
        (await api.WaitForRetryAsync(id)).ShouldNotBeNull("the charge failed and waits for its retry");
        (await agency.RechargesAsync(subAccount)).Single().GetProperty("state").GetString().ShouldBe("open", "the outage holds Stripe's webhook");
        return (agency, subAccount, account, id);
    }

    /// <summary>
    /// As <see cref="DippedDuringAnOutageAsync"/> with lose_answers, then the recharge gives up (<c>provider_unreachable</c>)
    /// although the card was charged: the outage holds Stripe's <c>payment_intent.succeeded</c>, which alone can grant it now.
    /// </summary>
    public static async Task<(TestAgency Agency, string SubAccount, string Account, string RechargeId)> GaveUpThoughChargedAsync(this ApiFixture api)
    {
        var (agency, subAccount, account, rechargeId) = await api.DippedDuringAnOutageAsync("lose_answers");
        await api.GiveUpAsync(rechargeId);
        await agency.WaitForRechargesAsync(subAccount, r => r.Single().GetProperty("state").GetString() == "failed");
        return (agency, subAccount, account, rechargeId);
    }

    /// <summary>Brings the recharge's retry forward to its last attempt, which still meets the outage and gives up.</summary>
    public static async Task GiveUpAsync(this ApiFixture api, string rechargeId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages
            .Where(m => m.MessageId == $"recharge-{rechargeId}" && m.CompletedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Attempts, StripeRechargeHandler.MaxAttempts - 1)
                .SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow), Ct);
    }

    public static async Task<Recharge> RechargeAsync(this ApiFixture api, string rechargeId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = RechargeId.From(Guid.Parse(rechargeId));
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Recharges.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
    }

    /// <summary>How many ledger grants name the recharge.</summary>
    public static async Task<int> RechargeGrantsAsync(this ApiFixture api, string rechargeId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().LedgerTransactions
            .CountAsync(t => t.Type == TransactionType.Recharge && t.Reference == rechargeId, Ct);
    }

    /// <summary>Sets the sub-account's count of auto-recharge failures in a row, as earlier failed recharges would have left it.</summary>
    public static async Task SetFailuresAsync(this ApiFixture api, string subAccount, int failures)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccount));
        await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.AutoRechargeFailures, failures), Ct);
    }

    /// <summary>Waits until the sub-account's only recharge is granted (Stripe's webhook may take a while), and returns it.</summary>
    public static async Task<JsonElement> GrantedRechargeAsync(this TestAgency agency, string subAccount) =>
        (await Eventually.ReturnsAsync(() => agency.RechargesAsync(subAccount), r => r.Single().GetProperty("state").GetString() == "granted",
            TimeSpan.FromSeconds(60))).Single();

    /// <summary>Delivers a signed Stripe event and returns what the webhook says came of it.</summary>
    public static async Task<string> WebhookOutcomeAsync(this ApiFixture api, string payload)
    {
        var body = await (await api.PostWebhookAsync(payload, api.Sign(payload))).ExpectAsync(HttpStatusCode.OK);
        return body.GetProperty("outcome").GetString()!;
    }
}
