using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>Changes a pack (its currency must still be sold and its price meet the floor), or archives it so that it is no longer sold.</summary>
public sealed class UpdatePack(EngineDbContext db, CheckPack checks, TimeProvider clock)
{
    public async Task<Result<CreditPack>> HandleAsync(AgencyId agencyId, PackId id, PackCommand command, Actor actor, CancellationToken ct)
    {
        var pack = await db.CreditPacks.SingleOrDefaultAsync(p => p.Id == id && p.AgencyId == agencyId && !p.Archived, ct);
        if (pack is null)
        {
            return new NotFound("pack");
        }
        var merged = new PackCommand(command.Name ?? pack.Name, command.Credits ?? pack.Credits, command.UnitAmount ?? pack.UnitAmount,
            command.Currency ?? pack.Currency, command.Highlight ?? pack.Highlight, command.SortOrder ?? pack.SortOrder);
        if (await checks.HandleAsync(agencyId, merged, id, ct) is [var first, ..])
        {
            return first;
        }
        var details = merged.Validate();
        pack.Apply(details.Value);
        db.AuditEvents.Add(AuditEvent.Record(actor, "pack.updated", agencyId, null, details.Value, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return pack;
    }

    public async Task<Result<Done>> ArchiveAsync(AgencyId agencyId, PackId id, Actor actor, CancellationToken ct)
    {
        var pack = await db.CreditPacks.SingleOrDefaultAsync(p => p.Id == id && p.AgencyId == agencyId && !p.Archived, ct);
        if (pack is null)
        {
            return new NotFound("pack");
        }
        pack.Archive();
        db.AuditEvents.Add(AuditEvent.Record(actor, "pack.archived", agencyId, null, new { pack.Name }, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
