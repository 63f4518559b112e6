using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Payments.Checkout;

/// <summary>Where Stripe sends the buyer back by default: the agency's own branded storefront pages.</summary>
public sealed class CheckoutUrls(PublicUrls urls)
{
    public CheckoutReturnUrls For(Agency agency) => new(
        $"{urls.Storefront(agency.Slug)}checkout/return?session_id={{CHECKOUT_SESSION_ID}}",
        $"{urls.Storefront(agency.Slug)}checkout/cancel");
}
