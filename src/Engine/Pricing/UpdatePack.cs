using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>Changes a pack (its currency must still be sold and its price meet the floor), or archives it so that it is no longer sold.</summary>
public sealed class UpdatePack(EngineDbContext db, MinimumPrices minimums, TimeProvider clock)
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
        var details = merged.Validate();
        if (!details.IsSuccess)
        {
            return details.Error;
        }
        if (await PackNames.TakenAsync(db, agencyId, details.Value.Name, id, ct) is { } taken)
        {
            return taken;
        }
        var floor = await minimums.CheckAsync(details.Value.Currency, details.Value.Credits, details.Value.UnitAmount, ct);
        if (!floor.IsSuccess)
        {
            return floor.Error;
        }
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
