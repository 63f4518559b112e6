namespace ResellerKit.Engine.Outbox;

/// <summary>Delivers the messages of one topic. Implementations live with the adapters (SMTP, HTTP) in the host.</summary>
public interface IOutboxHandler
{
    string Topic { get; }

    Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct);
}
