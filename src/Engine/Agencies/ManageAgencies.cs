using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;

namespace ResellerKit.Engine.Agencies;

/// <summary>What the platform admin changes about an agency: its discount, the features it may offer, and whether it is suspended.</summary>
public sealed class ManageAgencies(EngineDbContext db, TimeProvider clock)
{
    public const string DiscountRange = "The discount is a percentage from 0 to 100.";

    public Task<Result<Agency>> SetDiscountAsync(AgencyId id, decimal percent, Actor actor, CancellationToken ct) =>
        CheckDiscount(percent) is { } invalid
            ? Task.FromResult<Result<Agency>>(invalid)
            : ChangeAsync(id, a => a.SetDiscount(Math.Round(percent, 2)), [Discount(percent)], actor, ct);

    public Task<Result<Agency>> SetSuspendedAsync(AgencyId id, bool suspended, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, a => { if (suspended) a.Suspend(); else a.Reinstate(); }, [(suspended ? "agency.suspended" : "agency.reinstated", null)], actor, ct);

    public Task<Result<Agency>> GrantFeaturesAsync(AgencyId id, Features features, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, a => a.GrantFeatures(features & Features.All), [Granted(features)], actor, ct);

    /// <summary>The platform's form for one agency: its discount and its features together, or neither when the discount is refused.</summary>
    public Task<Result<Agency>> SetTermsAsync(AgencyId id, decimal discountPercent, Features features, Actor actor, CancellationToken ct) =>
        CheckDiscount(discountPercent) is { } invalid
            ? Task.FromResult<Result<Agency>>(invalid)
            : ChangeAsync(id, a =>
            {
                a.SetDiscount(Math.Round(discountPercent, 2));
                a.GrantFeatures(features & Features.All);
            }, [Discount(discountPercent), Granted(features)], actor, ct);

    private static ValidationFailed? CheckDiscount(decimal percent) =>
        percent is < 0 or > 100 ? ValidationFailed.For("discountPercent", DiscountRange) : null;

    private static (string, object?) Discount(decimal percent) => ("agency.discount_set", new { percent });

    private static (string, object?) Granted(Features features) => ("agency.features_granted", new { features = features.ToString() });

    private async Task<Result<Agency>> ChangeAsync(
        AgencyId id, Action<Agency> change, IReadOnlyList<(string Action, object? Changes)> audit, Actor actor, CancellationToken ct)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }
        change(agency);
        foreach (var (action, changes) in audit)
        {
            db.AuditEvents.Add(AuditEvent.Record(actor, action, id, null, changes, clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(ct);
        return agency;
    }
}
