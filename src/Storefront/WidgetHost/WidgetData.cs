using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Payments.Checkout;
using ResellerKit.Themes.Rendering.Filters;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// The widget's <see cref="IWidgetData"/>, one per circuit. It holds no database context and no state but the caller's
/// origin: each call opens its own scope, checks access again (<see cref="WidgetGate"/>) and asks the Engine.
/// </summary>
public sealed class WidgetData(IServiceScopeFactory scopes, AuthenticationStateProvider authentication) : IWidgetData
{
    private WidgetCaller? caller;

    public async Task<WidgetView> LoadAsync(WidgetRequest request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var access = await CheckAsync(scope.ServiceProvider, request, ct);
        return await scope.ServiceProvider.GetRequiredService<WidgetViews>().BuildAsync(access, request, ct);
    }

    public string? QuoteCustom(CustomOffer offer, long credits)
    {
        if (credits < offer.MinCredits || credits > offer.MaxCredits)
        {
            return null;
        }
        var amount = CreditPricing.AmountFor(credits, new PricePerCredit(offer.PricePerCredit), offer.Currency);
        return MoneyFormatter.Format(amount, offer.Currency, CultureInfo.GetCultureInfo(offer.Locale));
    }

    public async Task<BuyOutcome> BuyAsync(WidgetRequest request, BuyChoice choice, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var access = await CheckAsync(services, request, ct);
        if (access is not { Status: WidgetStatus.Ready, Agency: { } agency, Client: { } client })
        {
            return BuyOutcome.Failed(access.Notice ?? "Purchases are paused for this account.", access.Status);
        }
        PackId? packId = null;
        if (choice.PackId is not null)
        {
            if (!PackId.TryParse(choice.PackId, out var parsed))
            {
                return BuyOutcome.Failed("This pack is no longer for sale.");
            }
            packId = parsed;
        }
        // The Engine prices the pack or quantity from the agency's current prices and checks the floor again.
        var started = await services.GetRequiredService<StartCheckout>().HandleAsync(Tenant.Of(agency.Id), client.Id,
            new CheckoutCommand(packId, packId is null ? choice.Credits : null, null, null, PurchaseOrigin.Widget),
            await services.GetRequiredService<CheckoutUrls>().ForAsync(ct), ct);
        return started.IsSuccess
            ? new BuyOutcome(started.Value.Session.Id, started.Value.Session.Url, started.Value.Purchase.Credits, null)
            : BuyOutcome.Failed(started.Error.Detail);
    }

    public async Task<BuyOutcome?> ResumeAsync(WidgetRequest request, string checkoutId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var access = await CheckAsync(scope.ServiceProvider, request, ct);
        if (access.Client is not { } client || checkoutId.Length > 200)
        {
            return null;
        }
        var purchase = (await scope.ServiceProvider.GetRequiredService<GetCheckoutResult>().HandleAsync(checkoutId, ct))?.Purchase;
        return purchase is { CheckoutUrl: { } url } && purchase.SubAccountId == client.Id
            ? new BuyOutcome(checkoutId, url, purchase.Credits, null)
            : null;
    }

    public async Task<PurchaseProgress> ProgressAsync(WidgetRequest request, string checkoutId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var access = await CheckAsync(scope.ServiceProvider, request, ct);
        if (access.Client is not { } client)
        {
            return PurchaseProgress.Unknown;
        }
        var result = await scope.ServiceProvider.GetRequiredService<GetCheckoutResult>().HandleAsync(checkoutId, ct);
        return result?.Purchase.SubAccountId != client.Id
            ? PurchaseProgress.Unknown
            : result.Purchase.State switch
            {
                PurchaseState.Pending => PurchaseProgress.Pending,
                PurchaseState.Failed or PurchaseState.Expired => PurchaseProgress.Failed,
                _ => PurchaseProgress.Completed,
            };
    }

    private async Task<WidgetAccess> CheckAsync(IServiceProvider services, WidgetRequest request, CancellationToken ct)
    {
        // Read once: the gate put it on the connection's principal when the circuit started.
        caller ??= WidgetCaller.From((await authentication.GetAuthenticationStateAsync()).User);
        return await services.GetRequiredService<WidgetGate>().CheckAsync(caller, request, ct);
    }
}
