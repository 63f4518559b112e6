namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>Where payments go: the built-in sandbox, real Stripe, or nowhere (payments are off until Stripe is configured).</summary>
public enum StripeMode
{
    Sandbox,
    Stripe,
    Off,
}
