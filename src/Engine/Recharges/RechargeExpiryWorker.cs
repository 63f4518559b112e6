using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ResellerKit.Engine.Recharges;

/// <summary>Runs <see cref="ExpireRecharges"/> every <c>Recharge:ExpiryInterval</c>.</summary>
public sealed class RechargeExpiryWorker(IServiceScopeFactory scopes, IOptions<RechargeOptions> options, ILogger<RechargeExpiryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<ExpireRecharges>().RunAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("{Count} recharge(s) expired without a grant", expired);
                }
                await Task.Delay(options.Value.ExpiryInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Expiring recharges failed; trying again later");
                await Task.Delay(options.Value.ExpiryInterval, stoppingToken);
            }
        }
    }
}
