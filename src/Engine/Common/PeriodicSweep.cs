using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Engine.Common;

/// <summary>
/// A background sweep: runs <see cref="SweepAsync"/> in a scope of its own every <see cref="Interval"/>, says how many
/// things it changed when that is any, and after a failure logs it and tries again an interval later, until the host
/// stops.
/// </summary>
public abstract class PeriodicSweep(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    /// <summary>The time between one sweep's end and the next one's start (read before each wait, so options may change it).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One sweep with this scope's services; returns how many things it changed.</summary>
    protected abstract Task<int> SweepAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>Logs a sweep that changed <paramref name="count"/> (more than zero) things.</summary>
    protected abstract void LogSwept(ILogger log, int count);

    /// <summary>Logs a sweep that failed; the next one runs an interval later.</summary>
    protected abstract void LogFailed(ILogger log, Exception error);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var count = await SweepAsync(scope.ServiceProvider, stoppingToken);
                    if (count > 0) LogSwept(logger, count);
                }
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
                try
                {
                    await Task.Delay(Interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
