namespace ResellerKit.Engine.Purchases;

/// <summary>Every Stripe event id the webhook verified, with what came of it: the record of what Stripe told us.</summary>
public sealed class PaymentEvent
{
    private PaymentEvent()
    {
    }

    public string EventId { get; private set; } = "";

    public string Type { get; private set; } = "";

    public string? Account { get; private set; }

    public string Outcome { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public static PaymentEvent Record(string eventId, string type, string? account, string outcome, DateTimeOffset now) =>
        new() { EventId = eventId, Type = type, Account = account, Outcome = outcome, ReceivedAt = now };
}
