using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Plans;

/// <summary>Answers "may this sub-account use this feature?" for every use case that gates one.</summary>
public sealed class SubAccountFeatures(EngineDbContext db)
{
    public async Task<Features> EffectiveAsync(SubAccount subAccount, CancellationToken ct)
    {
        var grant = await db.Agencies.Where(a => a.Id == subAccount.AgencyId).Select(a => a.PlatformFeatures).SingleAsync(ct);
        var plan = subAccount.PlanId is { } planId
            ? await db.Plans.Where(p => p.Id == planId).Select(p => (Features?)p.Features).SingleOrDefaultAsync(ct)
            : null;
        return FeatureSet.Effective(grant, plan, subAccount.FeaturesOn, subAccount.FeaturesOff);
    }

    public async Task<Result<Done>> RequireAsync(SubAccount subAccount, Features feature, CancellationToken ct) =>
        (await EffectiveAsync(subAccount, ct)).HasFlag(feature) ? Done.Value : new FeatureOff(feature);
}
