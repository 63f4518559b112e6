namespace ResellerKit.Engine.Outbox;

/// <summary>What a handler did with a message: delivered, try again later, or give up for good.</summary>
public abstract record OutboxOutcome
{
    public static OutboxOutcome Delivered { get; } = new DeliveredOutcome();

    public static OutboxOutcome RetryAt(DateTimeOffset when, string error) => new RetryOutcome(when, error);

    public static OutboxOutcome Abandon(string error) => new AbandonOutcome(error);
}

public sealed record DeliveredOutcome : OutboxOutcome;

public sealed record RetryOutcome(DateTimeOffset When, string Error) : OutboxOutcome;

public sealed record AbandonOutcome(string Error) : OutboxOutcome;
