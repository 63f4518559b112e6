namespace ResellerKit.Engine.Outbox;

/// <summary>Delivers the messages of one topic. Implementations live with the adapters (SMTP, HTTP) in the host.</summary>
public interface IOutboxHandler
{
    string Topic { get; }

    /// <summary>The lane its messages wait in; <see cref="OutboxLane.Payments"/> for work that moves money or credits.</summary>
    OutboxLane Lane => OutboxLane.Default;

    Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct);
}
