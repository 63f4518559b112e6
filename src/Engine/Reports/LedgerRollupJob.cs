using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Engine.Reports;

/// <summary>Keeps the daily rollups close behind the ledger: a batch every few seconds, more while there is a backlog.</summary>
public sealed class LedgerRollupJob(IServiceScopeFactory scopes, ILogger<LedgerRollupJob> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var counted = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                counted = await scope.ServiceProvider.GetRequiredService<LedgerRollup>().RunBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Rolling up the ledger failed; the next pass retries");
            }
            if (counted < LedgerRollup.BatchSize)
            {
                await Task.Delay(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
