using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Something to deliver outside the database (an email, a webhook), written in the same transaction as the change
/// that caused it, so that a crash can neither lose it nor send it for a change that rolled back. Workers lease one
/// row at a time; an expired lease (a crashed node) lets another worker take it over.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public long Id { get; private set; }

    /// <summary>Stable across retries, so that receivers can drop duplicates.</summary>
    public string MessageId { get; private set; } = "";

    public string Topic { get; private set; } = "";

    public AgencyId? AgencyId { get; private set; }

    public string Payload { get; private set; } = "";

    /// <summary>The payload holds a secret; the worker replaces it with <see cref="Redacted"/> after delivery.</summary>
    public bool Sensitive { get; private set; }

    public const string Redacted = "{\"redacted\":true}";

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LeasedUntil { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? AbandonedAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static OutboxMessage Create(
        string topic, string messageId, string payload, AgencyId? agencyId, DateTimeOffset now, DateTimeOffset? notBefore = null, bool sensitive = false) => new()
    {
        Sensitive = sensitive,
        Topic = topic,
        MessageId = messageId,
        Payload = payload,
        AgencyId = agencyId,
        NextAttemptAt = notBefore ?? now,
        CreatedAt = now,
    };

    /// <summary>
    /// Leased from the start by the node that writes it, which delivers it as soon as it commits
    /// (<see cref="OutboxSignal"/>): no claim is needed, and no other node takes it before the lease ends.
    /// </summary>
    internal void LeaseToWriter(string owner, DateTimeOffset until)
    {
        LeaseOwner = owner;
        LeasedUntil = until;
        Attempts = 1;
    }
}
