namespace ResellerKit.Engine.Outbox;

/// <summary>The <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How long a worker holds a message it is delivering. A node that dies mid-delivery holds it this long, then
    /// another (or the restarted one) retries it with the same message id. A delivery that runs longer (a Stripe
    /// recharge while Stripe is slow: several calls, each up to <c>Stripe:RequestTimeout</c> times three with Stripe.net's
    /// retries) renews it every third of the lease, so no other node claims it meanwhile.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often each lane looks for due messages it was not handed: rows committed by other nodes, retries that fell
    /// due, and rows a crash left behind. Rows this node commits are delivered at once, without waiting for it.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many messages the default lane (emails, agency webhooks) delivers at once on this node.</summary>
    public int SlotsPerLane { get; set; } = 8;

    /// <summary>
    /// How many messages the payments lane delivers at once on this node. More than the default lane: its deliveries
    /// mostly wait (for the webhook's round trip and the ledger writer's commit), and grants that wait together share
    /// one transaction.
    /// </summary>
    public int PaymentSlots { get; set; } = 32;

    /// <summary>How often each node samples the outbox for the <c>resellerkit.outbox.*</c> gauges.</summary>
    public TimeSpan GaugeInterval { get; set; } = TimeSpan.FromSeconds(15);
}
