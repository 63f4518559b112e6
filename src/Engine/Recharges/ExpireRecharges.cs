using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// Closes webhook recharges that the agency did not grant in time, so that a later dip can open a new one. Each is
/// closed by a conditional UPDATE (still open, still ungranted) in its own transaction, so a grant racing the expiry
/// wins or loses cleanly, and several nodes may run this at once.
/// </summary>
public sealed class ExpireRecharges(EngineDbContext db, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Recharges.AsNoTracking()
            .Where(r => r.State == RechargeState.Open && r.ExpiresAt != null && r.ExpiresAt <= now)
            .OrderBy(r => r.Number).Select(r => new { r.Id, r.AgencyId, r.SubAccountId }).Take(100).ToListAsync(ct);
        var expired = 0;
        foreach (var recharge in due)
        {
            var closed = await db.InTransactionAsync<bool>(async token =>
            {
                var updated = await db.Recharges
                    .Where(r => r.Id == recharge.Id && r.State == RechargeState.Open && r.GrantTransactionId == null)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(r => r.State, RechargeState.Expired)
                        .SetProperty(r => r.ClosedAt, (DateTimeOffset?)now)
                        .SetProperty(r => r.FailureCode, r => r.FailureCode ?? "not_granted")
                        .SetProperty(r => r.FailureReason, r => r.FailureReason ?? "The agency did not grant the credits in time."), token);
                if (updated == 0)
                {
                    return false;
                }
                await OpenRecharges.ReleaseAsync(db, recharge.SubAccountId, recharge.Id, token);
                db.AuditEvents.Add(AuditEvent.Record(Actor.System, "recharge.expired", recharge.AgencyId, recharge.SubAccountId,
                    new { rechargeId = recharge.Id }, now));
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
            expired += closed.Value ? 1 : 0;
        }
        return expired;
    }
}
