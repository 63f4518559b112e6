using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;

namespace ResellerKit.Storefront.Payments.Checkout;

/// <summary>
/// In sandbox mode every agency is connected to a sandbox Stripe account, so checkout works at once. New agencies
/// are connected as they are created; this catches the rest (seeded at start, before the sandbox was listening).
/// </summary>
public sealed class SandboxAutoConnect(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<SandboxAutoConnect> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(ConnectPendingAsync));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ConnectPendingAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            var connect = scope.ServiceProvider.GetRequiredService<ConnectAgencyPayments>();
            var pending = await db.Agencies.Where(a => a.StripeAccountId == null).Select(a => a.Id).ToListAsync(lifetime.ApplicationStopping);
            foreach (var agencyId in pending)
            {
                var connected = await connect.EnsureAccountAsync(agencyId, Actor.System, lifetime.ApplicationStopping);
                if (!connected.IsSuccess)
                {
                    logger.LogWarning("Could not connect agency {AgencyId} to the Stripe sandbox: {Reason}", agencyId, connected.Error.Detail);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Connecting agencies to the Stripe sandbox failed");
        }
    }
}
