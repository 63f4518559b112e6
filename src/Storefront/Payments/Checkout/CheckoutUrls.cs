using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Shop;

namespace ResellerKit.Storefront.Payments.Checkout;

/// <summary>Where Stripe sends the buyer back by default: the agency's own branded storefront pages.</summary>
public sealed class CheckoutUrls(StorefrontHosts storefronts)
{
    public CheckoutReturnUrls For(Agency agency) => new(
        $"{storefronts.Url(agency)}checkout/return?session_id={{CHECKOUT_SESSION_ID}}",
        $"{storefronts.Url(agency)}checkout/cancel?purchase={CheckoutReturnUrls.PurchaseIdPlaceholder}");
}
