namespace ResellerKit.Engine.Purchases;

/// <summary>
/// The verified Stripe event a fulfilment comes from. <see cref="FulfillCheckout"/> records it with its outcome in the
/// grant's own operation when it reaches the grant (one turn of the ledger writer, one savepoint, instead of a second
/// turn after it), and says so in <see cref="Recorded"/>; otherwise the caller records it (<see cref="RecordPaymentEvent"/>).
/// </summary>
public sealed class PaymentEventSource(string eventId, string type, string? account)
{
    public string EventId { get; } = eventId;

    public string Type { get; } = type;

    public string? Account { get; } = account;

    /// <summary>True once the event was recorded (or found recorded) with the grant; it committed with it.</summary>
    public bool Recorded { get; internal set; }

    /// <summary>The outcome a fulfilment event is recorded with, in the webhook's words ("fulfilment: Fulfilled").</summary>
    public static string Outcome(FulfillmentOutcome outcome) => $"fulfilment: {outcome}";
}
