using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;

namespace ResellerKit.Engine.Agencies;

/// <summary>What the platform admin changes about an agency: its discount, the features it may offer, and whether it is suspended.</summary>
public sealed class ManageAgencies(EngineDbContext db, TimeProvider clock)
{
    public Task<Result<Agency>> SetDiscountAsync(AgencyId id, decimal percent, Actor actor, CancellationToken ct) =>
        percent is < 0 or > 100
            ? Task.FromResult<Result<Agency>>(ValidationFailed.For("discountPercent", "The discount is a percentage from 0 to 100."))
            : ChangeAsync(id, a => a.SetDiscount(Math.Round(percent, 2)), "agency.discount_set", new { percent }, actor, ct);

    public Task<Result<Agency>> SetSuspendedAsync(AgencyId id, bool suspended, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, a => { if (suspended) a.Suspend(); else a.Reinstate(); }, suspended ? "agency.suspended" : "agency.reinstated", null, actor, ct);

    public Task<Result<Agency>> GrantFeaturesAsync(AgencyId id, Features features, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, a => a.GrantFeatures(features & Features.All), "agency.features_granted", new { features = features.ToString() }, actor, ct);

    private async Task<Result<Agency>> ChangeAsync(AgencyId id, Action<Agency> change, string action, object? changes, Actor actor, CancellationToken ct)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }
        change(agency);
        db.AuditEvents.Add(AuditEvent.Record(actor, action, id, null, changes, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return agency;
    }
}
