namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// The outcome of one attempt, for the caller's delivery log. <see cref="RetryAfter"/> is the endpoint's own
/// <c>Retry-After</c> (capped at a day) when it sent one; otherwise the caller's backoff decides.
/// <see cref="ResponseSnippet"/> is at most <see cref="WebhookDelivery.SnippetBytes"/> of the body.
/// </summary>
public sealed record DeliveryResult(
    DeliveryStatus Status,
    string Detail,
    int? StatusCode = null,
    string? ResponseSnippet = null,
    bool ResponseTruncated = false,
    TimeSpan? RetryAfter = null);
