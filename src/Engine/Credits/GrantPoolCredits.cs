using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits;

/// <summary>The platform issues credits into an agency's pool; the agency's audit log shows it.</summary>
public sealed class GrantPoolCredits(EngineDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<Result<Granted>> HandleAsync(AgencyId agencyId, GrantCommand command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var errors = command.Validate(clock.GetUtcNow());
        if (errors.Any)
        {
            return errors.ToError();
        }
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }

        return await db.InTransactionAsync<Granted>(async token =>
        {
            var posted = await ledger.TransferAsync(agency.Issuance, agency.Pool, command.Credits,
                command.Details(agency.Id, null, idempotencyKey, IdempotencyScopes.Platform), token);
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }
            db.AuditEvents.Add(AuditEvent.Record(actor, "credits.granted_to_pool", agency.Id, null, command.Audited(posted.Value.Id), posted.Value.CreatedAt));
            await db.SaveChangesAsync(token);
            return new Granted(posted.Value.Id, await ledger.BalanceAsync(agency.PoolWalletId, token));
        }, ct);
    }
}
