namespace ResellerKit.Engine.Outbox;

/// <summary>Delivers the messages of one topic. Implementations live with the adapters (SMTP, HTTP) in the host.</summary>
public interface IOutboxHandler
{
    string Topic { get; }

    /// <summary>The lane its messages wait in; <see cref="OutboxLane.Payments"/> for work that moves money or credits.</summary>
    OutboxLane Lane => OutboxLane.Default;

    /// <summary>
    /// True when the receiver cannot drop a repeat by the message id (an email): each delivery is then marked complete
    /// at once rather than in the next batch (<see cref="OutboxCompletions"/>), so a crash can hardly send it twice.
    /// </summary>
    bool MarkedAtOnce => false;

    Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct);
}
