using System.Security.Cryptography;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// The sandbox's secret API key (<c>sk_test_…</c>) and webhook signing secret (<c>whsec_…</c>), made for this install on
/// its first start and kept encrypted (<see cref="ProtectedSettings"/>): nobody can call the sandbox or forge its
/// webhooks with a value read in the source. Printed in the start-up banner.
/// </summary>
public sealed class SandboxSecrets(ProtectedSettings settings)
{
    public async ValueTask<string> ApiKeyAsync(CancellationToken ct) =>
        "sk_test_" + Convert.ToHexStringLower(await settings.GetOrCreateAsync(
            "stripe_sandbox_api_key", "ResellerKit.StripeSandbox.ApiKey", () => RandomNumberGenerator.GetBytes(24), ct));

    public async ValueTask<string> WebhookSecretAsync(CancellationToken ct) =>
        "whsec_" + Convert.ToBase64String(await settings.GetOrCreateAsync(
            "stripe_sandbox_webhook_secret", "ResellerKit.StripeSandbox.WebhookSecret", () => RandomNumberGenerator.GetBytes(32), ct));
}
