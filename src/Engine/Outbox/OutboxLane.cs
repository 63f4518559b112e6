namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Which line an outbox message waits in. Each lane has its own worker loop and delivery slots, so money work
/// (Stripe events, settlements, recharges) never waits behind slow unrelated deliveries (SMTP, agency webhooks).
/// </summary>
public enum OutboxLane
{
    Default,
    Payments,
}
