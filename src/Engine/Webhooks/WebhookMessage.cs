using ResellerKit.Engine.Common;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.Webhooks;

/// <summary>
/// One event for an agency's endpoint, and the state of its delivery. <see cref="WebhookId"/> is the Standard Webhooks
/// <c>webhook-id</c>: the same on every retry and redelivery, so that the receiver can drop duplicates.
/// </summary>
public sealed class WebhookMessage
{
    private WebhookMessage()
    {
    }

    public long Number { get; private set; }

    public Guid Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public string WebhookId { get; private set; } = "";

    public string EventType { get; private set; } = "";

    /// <summary>The exact body sent: <c>{ type, timestamp, data }</c>.</summary>
    public string Payload { get; private set; } = "";

    public SubAccountId? SubAccountId { get; private set; }

    public RechargeId? RechargeId { get; private set; }

    public WebhookMessageState State { get; private set; }

    public int AttemptCount { get; private set; }

    /// <summary>How many times it was redelivered by hand; part of each redelivery's outbox id.</summary>
    public int Redeliveries { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Retries stop after this (the first attempt plus <c>Webhooks:RetryFor</c>, at least three days).</summary>
    public DateTimeOffset? RetryUntil { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public List<WebhookAttempt> Attempts { get; private set; } = [];

    public const string OutboxTopic = "webhook";

    internal static WebhookMessage Create(
        AgencyId agencyId, string eventType, string payload, SubAccountId? subAccountId, RechargeId? rechargeId, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        return new WebhookMessage
        {
            Id = id,
            AgencyId = agencyId,
            WebhookId = $"msg_{id:N}",
            EventType = eventType,
            Payload = payload,
            SubAccountId = subAccountId,
            RechargeId = rechargeId,
            State = WebhookMessageState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>The outbox row's id for this message's current round of delivery.</summary>
    public string OutboxMessageId => Redeliveries == 0 ? WebhookId : $"{WebhookId}:redeliver:{Redeliveries}";

    /// <summary>Adds an attempt to the log; the first one starts the retry period.</summary>
    internal void Attempted(WebhookAttempt attempt, TimeSpan retryFor)
    {
        Attempts.Add(attempt);
        AttemptCount++;
        RetryUntil ??= attempt.At + retryFor;
    }

    internal void Delivered(DateTimeOffset now)
    {
        State = WebhookMessageState.Delivered;
        DeliveredAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    internal void RetryAt(DateTimeOffset next, string error)
    {
        NextAttemptAt = next;
        LastError = Truncate(error);
    }

    internal void Failed(string error)
    {
        State = WebhookMessageState.Failed;
        NextAttemptAt = null;
        LastError = Truncate(error);
    }

    private static string Truncate(string error) => Clip.To(500, error);
}
