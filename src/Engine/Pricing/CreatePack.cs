using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>Adds a pack in a currency the platform sells in, refusing a price below the platform's floor for it and a name already on sale.</summary>
public sealed class CreatePack(EngineDbContext db, MinimumPrices minimums, TimeProvider clock)
{
    public async Task<Result<CreditPack>> HandleAsync(AgencyId agencyId, PackCommand command, Actor actor, CancellationToken ct)
    {
        var details = command.Validate();
        if (!details.IsSuccess)
        {
            return details.Error;
        }
        var d = details.Value;
        if (await PackNames.TakenAsync(db, agencyId, d.Name, null, ct) is { } taken)
        {
            return taken;
        }
        var floor = await minimums.CheckAsync(d.Currency, d.Credits, d.UnitAmount, ct);
        if (!floor.IsSuccess)
        {
            return floor.Error;
        }
        var now = clock.GetUtcNow();
        var pack = CreditPack.Create(agencyId, d, now);
        db.CreditPacks.Add(pack);
        db.AuditEvents.Add(AuditEvent.Record(actor, "pack.created", agencyId, null, d, now));
        await db.SaveChangesAsync(ct);
        return pack;
    }
}
