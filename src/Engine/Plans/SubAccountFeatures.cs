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

    /// <summary>Every sub-account of the agency with its effective features, by the same rule, in three queries.</summary>
    public Task<IReadOnlyList<FeaturesOfSubAccount>> OfAgencyAsync(AgencyId agencyId, CancellationToken ct) => OfAsync(agencyId, null, ct);

    /// <summary>The same for the agency's sub-accounts among <paramref name="ids"/> (others are left out), in three queries.</summary>
    public Task<IReadOnlyList<FeaturesOfSubAccount>> OfSubAccountsAsync(AgencyId agencyId, IReadOnlyCollection<SubAccountId> ids, CancellationToken ct) =>
        OfAsync(agencyId, ids, ct);

    private async Task<IReadOnlyList<FeaturesOfSubAccount>> OfAsync(AgencyId agencyId, IReadOnlyCollection<SubAccountId>? ids, CancellationToken ct)
    {
        var grant = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.PlatformFeatures).SingleAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.AgencyId == agencyId).ToDictionaryAsync(p => p.Id, ct);
        var query = db.SubAccounts.WithSpecification(new SubAccountsOfAgencySpec(agencyId));
        var subAccounts = await (ids is null ? query : query.Where(s => ids.Contains(s.Id))).ToListAsync(ct);
        return subAccounts.Select(s =>
        {
            var plan = s.PlanId is { } id ? plans.GetValueOrDefault(id) : null;
            return new FeaturesOfSubAccount(s, plan, FeatureSet.Effective(grant, plan?.Features, s.FeaturesOn, s.FeaturesOff));
        }).ToList();
    }

    public async Task<Result<Done>> RequireAsync(SubAccount subAccount, Features feature, CancellationToken ct) =>
        (await EffectiveAsync(subAccount, ct)).HasFlag(feature) ? Done.Value : new FeatureOff(feature);
}
