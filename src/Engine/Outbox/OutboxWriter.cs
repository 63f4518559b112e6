using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Adds messages to the outbox in the caller's unit of work; <see cref="OutboxCommitInterceptor"/> hands them to the
/// local worker after commit. A message due at once is written leased to this node while its worker listens
/// (<see cref="OutboxSignal"/>).
/// </summary>
public sealed class OutboxWriter(EngineDbContext db, TimeProvider clock, OutboxSignal signal, IOptions<OutboxOptions> options)
{
    /// <param name="sensitive">The payload holds a secret (a first password): it is cleared once delivered.</param>
    public OutboxMessage Enqueue(string topic, string messageId, string payload, AgencyId? agencyId = null, DateTimeOffset? notBefore = null, bool sensitive = false)
    {
        var now = clock.GetUtcNow();
        var message = OutboxMessage.Create(topic, messageId, payload, agencyId, now, notBefore, sensitive);
        if (signal.Listening && (notBefore is null || notBefore <= now))
        {
            message.LeaseToWriter(signal.Owner, now + options.Value.Lease);
        }
        db.OutboxMessages.Add(message);
        return message;
    }
}
