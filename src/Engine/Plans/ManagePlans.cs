using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Plans;

/// <summary>An agency's plans, and which plan (and per-account overrides) each sub-account has.</summary>
public sealed class ManagePlans(EngineDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Plan>> ListAsync(AgencyId agencyId, CancellationToken ct) =>
        await db.Plans.AsNoTracking().Where(p => p.AgencyId == agencyId).OrderBy(p => p.Name).ToListAsync(ct);

    public async Task<Result<Plan>> SaveAsync(AgencyId agencyId, Guid? id, string? name, Features features, Actor actor, CancellationToken ct)
    {
        if (new FieldErrors().Name("name", name, "Give the plan a name of 1 to 80 characters.", max: 80) is { Any: true } invalid)
        {
            return invalid.ToError();
        }
        var grant = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.PlatformFeatures).SingleAsync(ct);
        if ((features & ~grant) != Features.None)
        {
            return new Forbidden($"The platform does not grant this agency: {string.Join(", ", FeatureSet.Each.Where(f => (features & ~grant).HasFlag(f)).Select(FeatureSet.Label))}.");
        }
        var trimmed = name!.Trim();
        if (await db.Plans.AnyAsync(p => p.AgencyId == agencyId && p.Name == trimmed && p.Id != id, ct))
        {
            return new DuplicateValue("name", $"You already have a plan called {trimmed}.");
        }
        Plan? plan;
        if (id is { } existing)
        {
            plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == existing && p.AgencyId == agencyId, ct);
            if (plan is null)
            {
                return new NotFound("plan");
            }
            plan.Change(trimmed, features);
        }
        else
        {
            plan = Plan.Create(agencyId, trimmed, features, clock.GetUtcNow());
            db.Plans.Add(plan);
        }
        db.AuditEvents.Add(AuditEvent.Record(actor, "plan.saved", agencyId, null, new { plan.Name, features = features.ToString() }, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<Result<SubAccount>> AssignAsync(
        Tenant tenant, SubAccountId id, Guid? planId, Features on, Features off, Actor actor, CancellationToken ct)
    {
        var subAccount = await db.SubAccounts.WithSpecification(new SubAccountByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (subAccount is null)
        {
            return new NotFound("sub-account");
        }
        if (planId is { } p && !await db.Plans.AnyAsync(x => x.Id == p && x.AgencyId == subAccount.AgencyId, ct))
        {
            return ValidationFailed.For("planId", "Choose one of this agency's plans.");
        }
        subAccount.AssignPlan(planId, on, off);
        db.AuditEvents.Add(AuditEvent.Record(actor, "sub_account.plan_changed", subAccount.AgencyId, subAccount.Id,
            new { planId, on = on.ToString(), off = off.ToString() }, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return subAccount;
    }
}
