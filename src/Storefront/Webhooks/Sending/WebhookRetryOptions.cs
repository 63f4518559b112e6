namespace ResellerKit.Storefront.Webhooks.Sending;

/// <summary>
/// How failed webhook deliveries are retried (the <c>Webhooks</c> section, beside <c>AllowLoopback</c>): exponential
/// backoff from <see cref="RetryBaseDelay"/>, doubling up to <see cref="RetryMaxDelay"/>, each delay with jitter,
/// for <see cref="RetryFor"/> after the first attempt. Tests shorten the base delay.
/// </summary>
public sealed class WebhookRetryOptions
{
    public const string Section = "Webhooks";

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>At least three days, as the issue asks; then the message is marked failed (and can be redelivered by hand).</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(3);

    /// <summary>After a rotation the previous secret keeps signing, beside the new one, for this long.</summary>
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);
}
