using Microsoft.Extensions.Options;
using ResellerKit.Storefront.StripeSandbox;

namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>
/// The secret key the app calls Stripe with and the secret Stripe's webhooks are signed with: the configured ones for
/// real Stripe; the install's generated ones for the sandbox, unless <c>Stripe:WebhookSecret</c> overrides the signing
/// secret. With payments off there are none.
/// </summary>
public sealed class StripeKeys(IOptions<StripeOptions> options, IServiceProvider services)
{
    public async ValueTask<string> ApiKeyAsync(CancellationToken ct) => options.Value.Mode switch
    {
        StripeMode.Stripe => options.Value.SecretKey!,
        StripeMode.Sandbox => await Sandbox.ApiKeyAsync(ct),
        _ => throw new InvalidOperationException("Payments are off: no Stripe key is configured."),
    };

    /// <summary>The webhook signing secret; null when payments are off, so that no webhook is ever accepted.</summary>
    public async ValueTask<string?> WebhookSecretAsync(CancellationToken ct) => options.Value switch
    {
        { IsOff: true } => null,
        { WebhookSecret: { Length: > 0 } configured } => configured,
        { IsSandbox: true } => await Sandbox.WebhookSecretAsync(ct),
        _ => null,
    };

    private SandboxSecrets Sandbox => services.GetRequiredService<SandboxSecrets>();
}
