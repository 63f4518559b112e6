namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>
/// The <c>Stripe</c> section. Without a secret key, sandbox mode is on: the built-in Stripe-compatible API serves
/// every call, and <see cref="WebhookSecret"/> (or a fixed sandbox secret) signs its webhooks.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";
    public const string SandboxSecretKey = "sk_test_sandbox";
    public const string SandboxWebhookSecret = "whsec_resellerkit_sandbox_0123456789";

    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Where the sandbox sends its webhooks; defaults to this process's own <c>/webhooks/stripe</c>.</summary>
    public string? SandboxWebhookUrl { get; set; }

    /// <summary>How long a delayed ("bank transfer") sandbox payment takes to settle.</summary>
    public TimeSpan SandboxSettleDelay { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsSandbox => string.IsNullOrWhiteSpace(SecretKey);

    public bool IsLive => SecretKey is { } key && (key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal));

    public string ApiKey => IsSandbox ? SandboxSecretKey : SecretKey!;

    public string EffectiveWebhookSecret =>
        !string.IsNullOrWhiteSpace(WebhookSecret) ? WebhookSecret
        : IsSandbox ? SandboxWebhookSecret
        : throw new InvalidOperationException("Stripe:WebhookSecret is required with a Stripe secret key.");

    /// <summary>Refuses configurations that would take real money wrongly; checked at start.</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsSandbox && string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return "Stripe:WebhookSecret is required when Stripe:SecretKey is set (use the signing secret of your Connect webhook endpoint).";
        }
        if (SecretKey == SandboxSecretKey)
        {
            yield return $"'{SandboxSecretKey}' is the sandbox's own key; leave Stripe:SecretKey empty to use the sandbox.";
        }
    }
}
