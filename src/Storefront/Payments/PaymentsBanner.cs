using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Payments.Stripe;
using ResellerKit.Storefront.StripeSandbox;

namespace ResellerKit.Storefront.Payments;

/// <summary>What the start-up banner says about payments: the sandbox and this install's keys for it, or that payments are off.</summary>
public sealed record PaymentsBanner(StripeOptions Options, string? SandboxKey, string? WebhookSecret)
{
    public static async Task<PaymentsBanner> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<StripeOptions>>().Value;
        if (options.IsOff)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentsBanner)).LogWarning(
                "Payments are OFF: no Stripe key is configured and this is not Development. Checkouts answer 503 payments_unavailable " +
                "until Stripe:SecretKey and Stripe:WebhookSecret are set (or Stripe:Mode=Sandbox runs the built-in test sandbox).");
        }
        return options.IsSandbox
            ? new(options, await services.GetRequiredService<SandboxSecrets>().ApiKeyAsync(ct), await services.GetRequiredService<StripeKeys>().WebhookSecretAsync(ct))
            : new(options, null, null);
    }

    public IEnumerable<string> Lines(string baseUrl)
    {
        if (Options.IsOff)
        {
            yield return "   Payments         OFF: no Stripe key is configured, so nothing can be bought.";
            yield return "                    Set Stripe:SecretKey and Stripe:WebhookSecret, or Stripe:Mode=Sandbox to try the test sandbox.";
        }
        else if (Options.IsSandbox)
        {
            yield return $"   Stripe sandbox   {baseUrl}/stripe-sandbox/   (test payments only: no money moves)";
            yield return $"   Sandbox API key  {SandboxKey}   (this install's own: keep it private)";
            yield return $"   Webhook secret   {WebhookSecret}";
        }
        else
        {
            yield return $"   Payments         Stripe, {(Options.IsLive ? "live" : "test")} mode";
        }
    }
}
