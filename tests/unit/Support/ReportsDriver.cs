using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Money moving through the Engine's own use cases, at the test clock's time: checkouts, refunds and auto-recharges.</summary>
public static class ReportsDriver
{
    private static readonly CheckoutReturnUrls Returns = new("https://shop.test/done?session={CHECKOUT_SESSION_ID}", "https://shop.test/");

    /// <summary>Sets the platform's floor and fee, connects the agency's (port) Stripe account, and adds one pack.</summary>
    public static Task<PackId> SellPackAsync(this ReportsEngine engine, AgencyId agencyId, string name, long credits, long unitAmount) =>
        engine.InScopeAsync(async s =>
        {
            (await s.GetRequiredService<SetMinimumPrice>().HandleAsync("usd", "0.5", "0.4", Ct)).IsSuccess.ShouldBeTrue();
            (await s.GetRequiredService<ConnectAgencyPayments>().EnsureAccountAsync(agencyId, Actor.System, Ct)).IsSuccess.ShouldBeTrue();
            var pack = await s.GetRequiredService<CreatePack>().HandleAsync(agencyId, new PackCommand(name, credits, unitAmount, "usd"), Actor.System, Ct);
            return pack.Value.Id;
        });

    /// <summary>A checkout of the pack, paid and fulfilled (as the webhook would); returns the fulfilled purchase.</summary>
    public static async Task<Purchase> BuyAsync(this ReportsEngine engine, SubAccount subAccount, PackId pack)
    {
        var started = await engine.InScopeAsync(s => s.GetRequiredService<StartCheckout>().HandleAsync(
            Tenant.Of(subAccount.AgencyId), subAccount.Id, new CheckoutCommand(pack, null, null, null, PurchaseOrigin.Api), _ => Returns, Ct));
        var session = started.Value.Session.Id;
        (await engine.InScopeAsync(s => s.GetRequiredService<FulfillCheckout>().HandleAsync("acct_reports", session, Ct)))
            .ShouldBe(FulfillmentOutcome.Fulfilled);
        return await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().Purchases.AsNoTracking().SingleAsync(p => p.CheckoutSessionId == session, Ct));
    }

    public static Task<bool> RefundAsync(this ReportsEngine engine, Purchase purchase, long amountRefundedTotal) =>
        engine.InScopeAsync(s => s.GetRequiredService<ReversePayment>().HandleAsync(
            purchase.StripeAccountId, purchase.PaymentIntentId!, amountRefundedTotal, ReversalKind.Refund, Ct));

    public static async Task TurnOnStripeAutoRechargeAsync(this ReportsEngine engine, SubAccount subAccount, long threshold, long target)
    {
        var saved = await engine.InScopeAsync(s => s.GetRequiredService<UpdateSubAccount>().HandleAsync(Tenant.Of(subAccount.AgencyId), subAccount.Id,
            new UpdateSubAccountCommand(AutoRecharge: new AutoRechargeInput(true, RechargeProvider.Stripe, threshold, target)), Actor.System, Ct));
        saved.IsSuccess.ShouldBeTrue();
    }

    /// <summary>Charges the sub-account's open recharge, as the outbox would; returns false when none is open.</summary>
    public static Task<bool> ChargeOpenRechargeAsync(this ReportsEngine engine, SubAccount subAccount) => engine.InScopeAsync(async s =>
    {
        var open = await s.GetRequiredService<EngineDbContext>().SubAccounts.Where(a => a.Id == subAccount.Id).Select(a => a.OpenRechargeId).SingleAsync(Ct);
        if (open is not { } id)
        {
            return false;
        }
        await s.GetRequiredService<ChargeRecharge>().HandleAsync(id, _ => Returns, earlierAttempts: false, Ct);
        return true;
    });
}
