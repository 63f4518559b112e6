using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Storefront.Components.AgencyWebhooks;

/// <summary>What each event type means, in the words the back office shows beside its checkbox.</summary>
public static class WebhookEventLabels
{
    public static string For(string type) => type switch
    {
        WebhookEventTypes.RechargeRequested => "a client on webhook auto-recharge fell below its threshold: take payment, then grant the credits",
        WebhookEventTypes.BalanceLow => "a client's balance fell below its low-balance alert level (at most once a day)",
        WebhookEventTypes.Purchased => "a client bought credits",
        WebhookEventTypes.SubAccountCreated => "a sub-account was created",
        _ => type,
    };
}
