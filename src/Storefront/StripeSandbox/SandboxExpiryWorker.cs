using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Payments.Stripe;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Runs <see cref="SandboxExpiry.SweepAsync"/> every <c>Stripe:SandboxExpirySweep</c>.</summary>
public sealed class SandboxExpiryWorker(IServiceScopeFactory scopes, IOptions<StripeOptions> options, ILogger<SandboxExpiryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<SandboxExpiry>().SweepAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("The Stripe sandbox expired {Count} checkout session(s) past their expires_at", expired);
                }
                await Task.Delay(options.Value.SandboxExpirySweep, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The Stripe sandbox's expiry sweep failed; trying again later");
                await Task.Delay(options.Value.SandboxExpirySweep, stoppingToken);
            }
        }
    }
}
