using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Recharges;

/// <summary>Runs <see cref="ExpireRecharges"/> every <c>Recharge:ExpiryInterval</c>.</summary>
public sealed class RechargeExpiryWorker(IServiceScopeFactory scopes, IOptions<RechargeOptions> options, ILogger<RechargeExpiryWorker> logger)
    : PeriodicSweep(scopes, logger)
{
    protected override TimeSpan Interval => options.Value.ExpiryInterval;

    protected override Task<int> SweepAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ExpireRecharges>().RunAsync(ct);

    protected override void LogSwept(ILogger log, int count) => log.LogInformation("{Count} recharge(s) expired without a grant", count);

    protected override void LogFailed(ILogger log, Exception error) => log.LogError(error, "Expiring recharges failed; trying again later");
}
