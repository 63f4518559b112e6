namespace ResellerKit.Storefront.Webhooks.Sending;

/// <summary>
/// The wait before the next attempt: the endpoint's own Retry-After when it sent one (capped at a day by
/// <see cref="Outbound.RetryAfter"/>), else <c>base × 2^(attempt-1)</c> up to the maximum, drawn between half and
/// all of it (full jitter would allow near-zero waits; this keeps the backoff).
/// </summary>
public static class WebhookRetrySchedule
{
    public static TimeSpan Next(int attempt, WebhookRetryOptions options, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } asked)
        {
            return asked;
        }
        var step = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ceiling = Math.Min(step, options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
