using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// What a node that stops gracefully gives back: the rows leased to it (written leased to it, or claimed) that it
/// has not delivered. Without this they would wait out their lease (<see cref="OutboxOptions.Lease"/>) before another
/// node took them, delaying a buyer's credits or an email by up to a minute on every deploy. Rows whose delivery is
/// still running keep their lease, so no two nodes deliver one message at the same time.
/// </summary>
internal static class OutboxLeases
{
    public static async Task ReleaseAsync(IServiceScopeFactory scopes, string owner, IReadOnlyCollection<long> stillDelivering, ILogger logger)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            var busy = stillDelivering.ToArray();
            var released = await db.OutboxMessages
                .Where(m => m.LeaseOwner == owner && m.LeasedUntil != null && m.CompletedAt == null && m.AbandonedAt == null && !busy.Contains(m.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (released > 0)
            {
                logger.LogInformation("Stopping: gave back {Count} undelivered outbox messages for other nodes to deliver", released);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Stopping: the outbox leases of this node could not be given back; other nodes take its messages when the leases end");
        }
    }
}
