namespace ResellerKit.Engine.Recharges;

/// <summary>Who takes the payment for a recharge: Stripe (the saved card, off-session) or the agency's own server (webhook).</summary>
public enum RechargeProvider
{
    Stripe,
    Webhook,
}
