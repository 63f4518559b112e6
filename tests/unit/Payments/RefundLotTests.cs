using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// What a refund takes back, and from where: the credits the refunded purchase bought (its own lot) first, then the
/// usual burn-down order for what is already spent; a debt is repaid from the purchase that repays it first.
/// </summary>
public abstract class RefundLotTests(ApiFixture api)
{
    [Fact]
    public async Task Refund_WithPromotionalCreditsInTheWallet_TakesBackThePurchasesOwnCredits()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();
        await GrantPromotionalAsync(agency, subAccount, 50);

        await RefundAsync(agency, subAccount, paymentIntent);

        (await LotsAsync(subAccount)).ShouldBe([("Starter — 100 credits", 0L), ("promo", 50L)]);
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(50);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Refund_AfterUsageBurntThePromotionalCredits_TakesThePurchasesLotAndNoMore()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();
        await GrantPromotionalAsync(agency, subAccount, 50);
        (await agency.Client.UsageAsync(subAccount, 30)).StatusCode.ShouldBe(HttpStatusCode.Created); // promotional credits go first

        await RefundAsync(agency, subAccount, paymentIntent);

        (await LotsAsync(subAccount)).ShouldBe([("Starter — 100 credits", 0L), ("promo", 20L)], "the purchase's 100 credits were all still in its lot");
        (await AccountAsync(agency, subAccount)).GetProperty("debtCredits").GetInt64().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Purchase_AfterARefundLeftDebt_RepaysTheDebtFromItsOwnCreditsBeforePromotionalOnes()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();
        (await agency.Client.UsageAsync(subAccount, 60)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await RefundAsync(agency, subAccount, paymentIntent); // takes the 40 left, owes 60
        await GrantPromotionalAsync(agency, subAccount, 50);

        var topUp = await agency.CreatePackAsync("Top-up", 100, 1_500);
        await api.PayAsync((await (await agency.CheckoutAsync(subAccount, new { packId = topUp })).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("url").GetString()!);
        await agency.WaitForBalanceAsync(subAccount, 90);

        (await LotsAsync(subAccount)).ShouldBe([("Starter — 100 credits", 0L), ("promo", 50L), ("Top-up — 100 credits", 40L)], "60 of the top-up repaid the debt");
        (await AccountAsync(agency, subAccount)).GetProperty("debtCredits").GetInt64().ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Refund_ReadJustBeforeAHandOverCommits_TakesTheCreditsFromTheAccountsNewWallet()
    {
        var (agency, subAccount, paymentIntent) = await PaidStarterAsync();
        var other = await api.CreateAgencyAsync();
        var stripeAccount = await agency.StripeAccountAsync();
        var id = SubAccountId.From(Guid.Parse(subAccount));

        // The hand-over moves the account and its credits, and holds its transaction open while the refund reads the payment.
        await using var handOver = api.Services.CreateAsyncScope();
        var db = handOver.ServiceProvider.GetRequiredService<EngineDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var account = await db.SubAccounts.SingleAsync(s => s.Id == id, Ct);
        (await handOver.ServiceProvider.GetRequiredService<ResellerKit.Engine.OwnershipTransfers.MoveSubAccount>()
            .HandleAsync(account, AgencyId.From(Guid.Parse(other.Id)), ResellerKit.Engine.SubAccounts.Ownership.Agency, Ct)).Value.ShouldBe(100);
        await db.SaveChangesAsync(Ct);
        var refund = Task.Run(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ResellerKit.Engine.Purchases.ReversePayment>()
                .HandleAsync(stripeAccount, paymentIntent, 1_500, ResellerKit.Engine.Purchases.ReversalKind.Refund, Ct);
        }, Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // the refund reads the payment and its account, then waits for the row
        await transaction.CommitAsync(Ct);
        (await refund).ShouldBeTrue();

        await using var check = api.Services.CreateAsyncScope();
        var after = await check.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.AsNoTracking().SingleAsync(s => s.Id == id, Ct);
        after.DebtCredits.ShouldBe(0, "the 100 credits had moved to the account's new wallet, and were taken back from there");
        (await check.ServiceProvider.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == after.WalletId).Select(w => w.Balance).SingleAsync(Ct)).ShouldBe(0);
        await api.LedgerIsCleanAsync();
    }

    private async Task<(TestAgency Agency, string SubAccount, string PaymentIntent)> PaidStarterAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        await api.BuyStarterPackAsync(agency, subAccount);
        return (agency, subAccount, (await agency.PurchaseAsync(subAccount)).GetProperty("paymentIntentId").GetString()!);
    }

    private async Task RefundAsync(TestAgency agency, string subAccount, string paymentIntent)
    {
        await (await api.SandboxClient(await agency.StripeAccountAsync())
            .PostAsync("/stripe-sandbox/v1/refunds", new FormUrlEncodedContent([new("payment_intent", paymentIntent)]), Ct)).ExpectAsync(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => agency.PurchaseAsync(subAccount), p => p.GetProperty("state").GetString() == "refunded");
    }

    private async Task GrantPromotionalAsync(TestAgency agency, string subAccount, long credits)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var granted = await scope.ServiceProvider.GetRequiredService<GrantSubAccountCredits>().HandleAsync(
            Tenant.Of(AgencyId.From(Guid.Parse(agency.Id))), SubAccountId.From(Guid.Parse(subAccount)),
            new GrantCommand(new ResellerKit.Engine.Credits.Credits(credits), "promo", Promotional: true), Actor.System, null, Ct);
        granted.IsSuccess.ShouldBeTrue();
    }

    // Each lot of the account's wallet, oldest first, by what granted it (the pack's name, or the grant's reason).
    private async Task<List<(string, long)>> LotsAsync(string subAccount)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = SubAccountId.From(Guid.Parse(subAccount));
        var wallet = await db.SubAccounts.Where(s => s.Id == id).Select(s => s.WalletId).SingleAsync(Ct);
        var lots = await db.CreditLots.Where(l => l.WalletId == wallet).OrderBy(l => l.Id)
            .Select(l => new { l.Grant!.Description, l.Remaining }).ToListAsync(Ct);
        return lots.Select(l => (l.Description ?? "", l.Remaining)).ToList();
    }

    private static async Task<System.Text.Json.JsonElement> AccountAsync(TestAgency agency, string subAccount) =>
        await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK);
}

public sealed class RefundLotTestsOnSqlite(SqliteApi api) : RefundLotTests(api), IClassFixture<SqliteApi>;

public sealed class RefundLotTestsOnPostgres(PostgresApi api) : RefundLotTests(api), IClassFixture<PostgresApi>;
