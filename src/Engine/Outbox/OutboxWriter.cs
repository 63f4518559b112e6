using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Outbox;

/// <summary>Adds messages to the outbox in the caller's unit of work; <see cref="OutboxCommitInterceptor"/> hands them to the local worker after commit.</summary>
public sealed class OutboxWriter(EngineDbContext db, TimeProvider clock)
{
    /// <param name="sensitive">The payload holds a secret (a first password): it is cleared once delivered.</param>
    public OutboxMessage Enqueue(string topic, string messageId, string payload, AgencyId? agencyId = null, DateTimeOffset? notBefore = null, bool sensitive = false)
    {
        var message = OutboxMessage.Create(topic, messageId, payload, agencyId, clock.GetUtcNow(), notBefore, sensitive);
        db.OutboxMessages.Add(message);
        return message;
    }
}
