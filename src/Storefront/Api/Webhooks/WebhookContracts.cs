using ResellerKit.Engine.Common;
using ResellerKit.Engine.Webhooks;
using ResellerKit.Storefront.Webhooks.Subscriptions;

namespace ResellerKit.Storefront.Api.Webhooks;

public sealed record WebhookEndpointRequest(string? Url, IReadOnlyList<string?>? Events);

/// <summary>The answer to PUT and to a rotation: the secret in clear, for the agency to store.</summary>
public sealed record WebhookEndpointResponse(
    string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset? DisabledAt, string? DisabledReason)
{
    public static WebhookEndpointResponse From(SavedWebhookEndpoint e) =>
        new(e.Url, e.Events, e.Secret, e.PreviousSecretExpiresAt, e.DisabledAt, e.DisabledReason);
}

/// <summary>GET: the endpoint without its secret.</summary>
public sealed record WebhookEndpointStatusResponse(
    string Url, IReadOnlyList<string> Events, bool Enabled, DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset? PreviousSecretExpiresAt)
{
    public static WebhookEndpointStatusResponse From(WebhookEndpoint e) =>
        new(e.Url, e.EventList, e.DisabledAt is null, e.DisabledAt, e.DisabledReason, e.PreviousSecretExpiresAt);
}

/// <summary>One event for the endpoint and every attempt to deliver it.</summary>
public sealed record WebhookDeliveryResponse(
    Guid Id, string WebhookId, string EventType, WebhookMessageState State, int AttemptCount, SubAccountId? SubAccountId,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError,
    IReadOnlyList<WebhookAttemptResponse> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookMessage m) => new(
        m.Id, m.WebhookId, m.EventType, m.State, m.AttemptCount, m.SubAccountId, m.CreatedAt, m.NextAttemptAt, m.DeliveredAt, m.LastError,
        m.Attempts.OrderBy(a => a.Attempt).Select(a => new WebhookAttemptResponse(a.Attempt, a.At, a.Outcome, a.StatusCode, a.DurationMs, a.Detail, a.ResponseSnippet)).ToList());
}

public sealed record WebhookAttemptResponse(int Attempt, DateTimeOffset At, string Outcome, int? StatusCode, int DurationMs, string Detail, string? ResponseSnippet);
