using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>Adds a pack in a currency the platform sells in, refusing a price below the platform's floor for it and a name already on sale.</summary>
public sealed class CreatePack(EngineDbContext db, CheckPack checks, TimeProvider clock)
{
    public async Task<Result<CreditPack>> HandleAsync(AgencyId agencyId, PackCommand command, Actor actor, CancellationToken ct)
    {
        if (await checks.HandleAsync(agencyId, command, null, ct) is [var first, ..])
        {
            return first;
        }
        var d = command.Validate().Value;
        var now = clock.GetUtcNow();
        var pack = CreditPack.Create(agencyId, d, now);
        db.CreditPacks.Add(pack);
        db.AuditEvents.Add(AuditEvent.Record(actor, "pack.created", agencyId, null, d, now));
        await db.SaveChangesAsync(ct);
        return pack;
    }
}
