using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Engine.Recharges;

/// <summary>One line of the recharge log: the request, the webhook deliveries that carried it, and its grant.</summary>
public sealed record RechargeLogEntry(Recharge Recharge, IReadOnlyList<WebhookMessage> Deliveries);
