namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>
/// The <c>Stripe</c> section. <see cref="Mode"/> defaults from the rest: a secret key means real Stripe; without one,
/// the built-in sandbox runs in Development only, and anywhere else payments are off (and the start-up says so)
/// until a key is configured or <c>Stripe:Mode=Sandbox</c> asks for the sandbox explicitly. The sandbox's own keys are
/// generated per install (<see cref="StripeSandbox.SandboxSecrets"/>); <see cref="WebhookSecret"/>, when set, signs
/// and checks its webhooks instead.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public StripeMode? Mode { get; set; }

    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Where the sandbox sends its webhooks; defaults to this process's own <c>/webhooks/stripe</c>.</summary>
    public string? SandboxWebhookUrl { get; set; }

    /// <summary>
    /// How long one HTTP request to Stripe may take before it is given up (Stripe.net then retries it, at most
    /// <see cref="StripeClients.MaxNetworkRetries"/> times). A recharge whose charge timed out is asked about first on
    /// its retry, so a late answer charges nothing twice.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a delayed ("bank transfer") sandbox payment takes to settle.</summary>
    public TimeSpan SandboxSettleDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the sandbox looks for open checkout sessions past their <c>expires_at</c> to expire (as Stripe does after 24 h).</summary>
    public TimeSpan SandboxExpirySweep { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsSandbox => Mode == StripeMode.Sandbox;

    public bool IsOff => Mode == StripeMode.Off;

    public bool IsLive => Mode == StripeMode.Stripe && SecretKey is { } key
        && (key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal));

    /// <summary>Fills in <see cref="Mode"/> when it was not configured.</summary>
    public StripeOptions WithDefaultMode(bool development)
    {
        Mode ??= !string.IsNullOrWhiteSpace(SecretKey) ? StripeMode.Stripe : development ? StripeMode.Sandbox : StripeMode.Off;
        return this;
    }

    /// <summary>Refuses configurations that would take real money wrongly; checked at start.</summary>
    public IEnumerable<string> Problems()
    {
        if (Mode == StripeMode.Stripe && string.IsNullOrWhiteSpace(SecretKey))
        {
            yield return "Stripe:Mode is Stripe but Stripe:SecretKey is empty.";
        }
        if (Mode == StripeMode.Stripe && string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return "Stripe:WebhookSecret is required when Stripe:SecretKey is set (use the signing secret of your Connect webhook endpoint).";
        }
        if (Mode == StripeMode.Sandbox && !string.IsNullOrWhiteSpace(SecretKey))
        {
            yield return "Stripe:SecretKey is set but Stripe:Mode is Sandbox: remove one of them, so that it is clear whether real payments are taken.";
        }
        if (SecretKey == "sk_test_sandbox")
        {
            yield return "'sk_test_sandbox' was the sandbox's old shared key; leave Stripe:SecretKey empty (with Stripe:Mode=Sandbox) to use the sandbox.";
        }
    }
}
