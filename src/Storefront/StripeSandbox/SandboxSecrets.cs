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
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string ApiKey, string WebhookSecret)? secrets;

    public async ValueTask<string> ApiKeyAsync(CancellationToken ct) => (await LoadAsync(ct)).ApiKey;

    public async ValueTask<string> WebhookSecretAsync(CancellationToken ct) => (await LoadAsync(ct)).WebhookSecret;

    private async ValueTask<(string ApiKey, string WebhookSecret)> LoadAsync(CancellationToken ct)
    {
        if (secrets is { } loaded)
        {
            return loaded;
        }
        await gate.WaitAsync(ct);
        try
        {
            if (secrets is null)
            {
                var key = await settings.GetOrCreateAsync("stripe_sandbox_api_key", "ResellerKit.StripeSandbox.ApiKey", () => RandomNumberGenerator.GetBytes(24), ct);
                var hook = await settings.GetOrCreateAsync("stripe_sandbox_webhook_secret", "ResellerKit.StripeSandbox.WebhookSecret", () => RandomNumberGenerator.GetBytes(32), ct);
                secrets = ("sk_test_" + Convert.ToHexStringLower(key), "whsec_" + Convert.ToBase64String(hook));
            }
            return secrets.Value;
        }
        finally
        {
            gate.Release();
        }
    }
}
