using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Shop;

namespace ResellerKit.Storefront.Payments.Checkout;

/// <summary>
/// Where Stripe sends the buyer back by default: the agency's own branded storefront pages. The cancel page's link
/// names its purchase and carries that purchase's token (<see cref="CheckoutCancelTokens"/>), so only it closes the checkout.
/// </summary>
public sealed class CheckoutUrls(StorefrontHosts storefronts, CheckoutCancelTokens tokens)
{
    public async ValueTask<Func<Agency, CheckoutReturnUrls>> ForAsync(CancellationToken ct)
    {
        var sign = await tokens.SignerAsync(ct);
        return agency => new CheckoutReturnUrls(
            $"{storefronts.Url(agency)}checkout/return?session_id={{CHECKOUT_SESSION_ID}}",
            purchase => $"{storefronts.Url(agency)}checkout/cancel?purchase={purchase.Value}&token={sign(purchase)}");
    }
}
