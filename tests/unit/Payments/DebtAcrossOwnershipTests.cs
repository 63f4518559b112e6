using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Credits a refund took back after they were spent are owed to the agency that refunded the money, and only that agency's
/// payments repay them. An account handed over to another agency carries no debt (a hand-over waits until it is repaid),
/// and takes none of its former owner's with it: the new owner neither collects a debt it never had nor loses its own
/// to the former owner's late payment.
/// </summary>
public abstract class DebtAcrossOwnershipTests(ApiFixture api)
{
    [Fact]
    public async Task Refund_OfTheFormerOwnersSaleAfterAHandOver_LeavesTheNewOwnerNoDebtToCollect()
    {
        var (seller, subAccount) = await api.ClientWhoBoughtWithAsync(TestCard.Visa);
        (await seller.Client.UsageAsync(subAccount, 100)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var sold = (await seller.PurchaseAsync(subAccount)).GetProperty("paymentIntentId").GetString()!;
        var owner = await api.CreateAgencyAsync();
        await api.MoveToAgencyAsync(subAccount, owner);

        await RefundAsync(seller, sold);
        await api.BuyStarterPackAsync(owner, subAccount);

        (await api.SubAccountAsync(subAccount)).DebtCredits.ShouldBe(0, "the 100 credits were spent at the former owner, whose loss the refund is");
        (await owner.CurrentBalanceAsync(subAccount)).ShouldBe(100, "the new owner's pack is the client's, whole");
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task RechargePaid_ToTheFormerOwnerAfterAHandOver_LeavesTheDebtOwedToTheNewOwner()
    {
        var (_, subAccount, account, rechargeId) = await api.GaveUpThoughChargedAsync();
        var owner = await api.CreateAgencyAsync();
        await api.MoveToAgencyAsync(subAccount, owner);
        (await owner.Client.UsageAsync(subAccount, 40)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await api.BuyStarterPackAsync(owner, subAccount);
        (await owner.Client.UsageAsync(subAccount, 100)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await RefundAsync(owner, (await owner.PurchaseAsync(subAccount)).GetProperty("paymentIntentId").GetString()!);
        (await api.SubAccountAsync(subAccount)).DebtCredits.ShouldBe(100, "the new owner refunded 100 credits the client had spent");

        await api.OutageAsync(account, "off"); // The former owner's Stripe reports the recharge it was paid for.
        await Eventually.ReturnsAsync(() => api.RechargeAsync(rechargeId), r => r.State == RechargeState.Granted, TimeSpan.FromSeconds(60));

        (await api.SubAccountAsync(subAccount)).DebtCredits.ShouldBe(100, "owed to the new owner: the former owner's payment does not repay it");
        (await api.OwnWalletAsync(subAccount)).ShouldBe(160, "the 160 credits the client paid the former owner for, whole");
        await api.LedgerIsCleanAsync();
    }

    // Refunds the whole payment on the agency's Stripe account, and waits until its credits were taken back.
    private async Task RefundAsync(TestAgency agency, string paymentIntent)
    {
        await (await api.SandboxClient(await agency.StripeAccountAsync()).PostAsync("/stripe-sandbox/v1/refunds",
            new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct)).ExpectAsync(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Purchases.AsNoTracking()
                .Where(p => p.PaymentIntentId == paymentIntent).Select(p => p.CreditsReversed).SingleAsync(Ct);
        }, reversed => reversed == 100);
    }
}

public sealed class DebtAcrossOwnershipTestsOnSqlite(SqliteApi api) : DebtAcrossOwnershipTests(api), IClassFixture<SqliteApi>;

public sealed class DebtAcrossOwnershipTestsOnPostgres(PostgresApi api) : DebtAcrossOwnershipTests(api), IClassFixture<PostgresApi>;
