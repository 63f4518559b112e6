using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Payments.Stripe;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Runs <see cref="SandboxExpiry.SweepAsync"/> every <c>Stripe:SandboxExpirySweep</c>.</summary>
public sealed class SandboxExpiryWorker(IServiceScopeFactory scopes, IOptions<StripeOptions> options, ILogger<SandboxExpiryWorker> logger)
    : PeriodicSweep(scopes, logger)
{
    protected override TimeSpan Interval => options.Value.SandboxExpirySweep;

    protected override Task<int> SweepAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SandboxExpiry>().SweepAsync(ct);

    protected override void LogSwept(ILogger log, int count) =>
        log.LogInformation("The Stripe sandbox expired {Count} checkout session(s) past their expires_at", count);

    protected override void LogFailed(ILogger log, Exception error) => log.LogError(error, "The Stripe sandbox's expiry sweep failed; trying again later");
}
